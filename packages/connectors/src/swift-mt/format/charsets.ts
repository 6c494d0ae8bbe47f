/**
 * SWIFT's character sets and the format notation's character classes, as
 * regular-expression classes and as membership tests.
 *
 * - X set: `a-z A-Z 0-9 / - ? : ( ) . , ' +` space, and CrLf as line separator;
 * - Z set: the X set plus `= ! " % & * < > ; { @ # _`;
 * - Y set (EDIFACT level A): `A-Z 0-9 . , - ( ) / = ' + : ? ! " % & * < > ;` space.
 *
 * Source: SWIFT Standards MT General Information, "Character Set" (the same
 * sets as Prowide Core's `SwiftCharset`).
 */

/** The letters of the notation: `n a c d x z h e y`. */
export type FormatClass = 'n' | 'a' | 'c' | 'd' | 'x' | 'z' | 'h' | 'e' | 'y';

const X_SET_EXTRA = "/-?:().,'+ ";
const Z_SET_EXTRA = `${X_SET_EXTRA}=!"%&*<>;{@#_`;
const Y_SET_EXTRA = `.,-()/='+:?!"%&*<>; `;

function escapeForClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, (c) => `\\${c}`);
}

/** Regular-expression character class (with brackets) of each notation letter; `d` is its character pool. */
export const CLASS_PATTERN: Readonly<Record<FormatClass, string>> = {
  n: '[0-9]',
  a: '[A-Z]',
  c: '[A-Z0-9]',
  d: '[0-9,]',
  h: '[0-9A-F]',
  e: ' ',
  x: `[a-zA-Z0-9${escapeForClass(X_SET_EXTRA)}]`,
  z: `[a-zA-Z0-9${escapeForClass(Z_SET_EXTRA)}]`,
  y: `[A-Z0-9${escapeForClass(Y_SET_EXTRA)}]`,
};

/** The characters each notation letter allows, for generators and messages. */
export const CLASS_CHARACTERS: Readonly<Record<FormatClass, string>> = {
  n: '0123456789',
  a: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  c: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  d: '0123456789,',
  h: '0123456789ABCDEF',
  e: ' ',
  x: `abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789${X_SET_EXTRA}`,
  z: `abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789${Z_SET_EXTRA}`,
  y: `ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789${Y_SET_EXTRA}`,
};

/** How each notation letter reads in a message. */
export const CLASS_DESCRIPTION: Readonly<Record<FormatClass, string>> = {
  n: 'digits',
  a: 'upper-case letters',
  c: 'upper-case letters or digits',
  d: 'a decimal with a comma',
  h: 'hexadecimal digits',
  e: 'spaces',
  x: 'characters of the X set',
  z: 'characters of the Z set',
  y: 'characters of the Y set',
};

/** The broad character sets a whole field is checked against (`field.charset`). */
export type SwiftCharset = 'X' | 'Y' | 'Z';

const CHARSET_MEMBERS: Readonly<Record<SwiftCharset, ReadonlySet<number>>> = {
  X: codes(CLASS_CHARACTERS.x),
  Y: codes(CLASS_CHARACTERS.y),
  Z: codes(CLASS_CHARACTERS.z),
};

function codes(chars: string): ReadonlySet<number> {
  return new Set(Array.from(chars, (c) => c.charCodeAt(0)));
}

/** True when the character code `code` belongs to `charset` (line breaks are handled by the caller). */
export function inCharset(charset: SwiftCharset, code: number): boolean {
  return CHARSET_MEMBERS[charset].has(code);
}

/**
 * The character set a format's values are checked against: Z when any part is
 * `z`, Y when the only free text is `y`, X otherwise (every FIN field is at
 * least in the X set).
 */
export function charsetOfClasses(classes: Iterable<FormatClass>): SwiftCharset {
  let result: SwiftCharset = 'X';
  for (const cls of classes) {
    if (cls === 'z') return 'Z';
    if (cls === 'y') result = 'Y';
    if (cls === 'x') result = 'X';
  }
  return result;
}

/** A character named safely for a message: `'&' (U+0026)`; control and non-ASCII characters by code point only. */
export function describeCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return code >= 0x21 && code <= 0x7e ? `'${char}' (${hex})` : hex;
}
