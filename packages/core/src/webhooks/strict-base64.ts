/**
 * Strict base64 (RFC 4648 §4, standard alphabet). Node's own decoder is
 * lenient: it skips characters it does not know, accepts the URL-safe
 * alphabet too and turns garbage into an empty buffer, so a mistyped secret or
 * a mutated signature could decode "successfully". These helpers refuse that.
 */

const ALPHABET = new Uint8Array(128);
for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') {
  ALPHABET[char.charCodeAt(0)] = 1;
}
const EQUALS = 61;

/**
 * Decode standard base64; padding is optional but, when present, must be
 * right. Returns `undefined` for anything else (URL-safe characters,
 * whitespace, a stray `=`, an impossible length).
 */
export function decodeStrictBase64(text: string): Buffer | undefined {
  let end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === EQUALS) end--;
  if (end > 0 && text.charCodeAt(end - 1) === EQUALS) end--;
  const padding = text.length - end;
  if (end % 4 === 1) return undefined;
  if (padding > 0 && (end + padding) % 4 !== 0) return undefined;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || ALPHABET[code] !== 1) return undefined;
  }
  return Buffer.from(text, 'base64');
}

/**
 * Decode base64 only when `text` is the canonical, padded encoding of the
 * bytes it decodes to (so exactly one text stands for each byte string).
 */
export function decodeCanonicalBase64(text: string): Buffer | undefined {
  const bytes = decodeStrictBase64(text);
  if (bytes === undefined || bytes.toString('base64') !== text) return undefined;
  return bytes;
}

const SIXTY_FOUR = new Int8Array(128).fill(-1);
for (const [index, char] of [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
].entries()) {
  SIXTY_FOUR[char.charCodeAt(0)] = index;
}

/**
 * Decode `text` when it is the canonical padded base64 of exactly 32 bytes
 * (an HMAC-SHA256): 43 alphabet characters, the last of which carries two
 * zero bits, then one `=`. Anything else, including the URL-safe alphabet
 * that Node would quietly accept, gives `undefined`.
 */
export function decodeBase64Of32Bytes(text: string): Buffer | undefined {
  if (text.length !== 44 || text.charCodeAt(43) !== EQUALS) return undefined;
  let value = 0;
  for (let i = 0; i < 43; i++) {
    const code = text.charCodeAt(i);
    value = code < 128 ? (SIXTY_FOUR[code] as number) : -1;
    if (value < 0) return undefined;
  }
  if ((value & 3) !== 0) return undefined;
  return Buffer.from(text, 'base64');
}
