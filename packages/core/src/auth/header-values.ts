// How credentials become HTTP header values: base64, Basic, and what a header may hold.
const encoder = new TextEncoder();

/** Base64 of the UTF-8 bytes of `text` (RFC 7617 §2.1 `charset="UTF-8"`), with no Node APIs. */
export function base64Utf8(text: string): string {
  const bytes = encoder.encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** The `Authorization` value `Basic base64(user:password)`. */
export function basicAuthorization(user: string, password: string): string {
  return `Basic ${base64Utf8(`${user}:${password}`)}`;
}

/** A header value must not contain line breaks or NUL (they would split or truncate the header). */
export function isSafeHeaderValue(value: string): boolean {
  return !/[\r\n\0]/.test(value);
}

/** An HTTP field name or auth scheme (RFC 9110 `token`). */
export const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
