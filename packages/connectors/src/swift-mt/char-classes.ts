/** Character tests on `charCodeAt` values, shared by the parser and the builder. Internal. */

/** `0`–`9`. */
export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** `A`–`Z`. */
export function isUpperCode(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** True when `text[from, to)` is non-empty and only digits. */
export function allDigits(text: string, from: number, to: number): boolean {
  if (to <= from || to > text.length) return false;
  for (let i = from; i < to; i++) if (!isDigitCode(text.charCodeAt(i))) return false;
  return true;
}

/** True when `text[from, to)` is non-empty and only `A`–`Z` and `0`–`9` (SWIFT's `c` class). */
export function allUpperAlphanumeric(text: string, from: number, to: number): boolean {
  if (to <= from || to > text.length) return false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (!isDigitCode(code) && !isUpperCode(code)) return false;
  }
  return true;
}
