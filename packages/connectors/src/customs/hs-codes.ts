/**
 * HS code validation and lookup against the shipped HS 2022 tables. Pure
 * functions, no network: the connector's `validateHsCode` and `lookupHsCode`
 * operations are thin wrappers.
 *
 * What is checked: digits only (dots and spaces are dropped), a chapter that
 * exists in HS 2022 (01–97, not the reserved 77), and a length the territory's
 * national nomenclature uses. A national extension (the digits after the sixth)
 * can only be length-checked: the full national tariffs are not shipped.
 * @module
 */
import {
  type CustomsCountry,
  type DeclarationType,
  declarationCodeLengths,
  nationalCodeLengths,
} from './countries.js';
import { HS_CHAPTERS, HS_EDITION, type HsChapter } from './data/hs-chapters.js';
import { HS_HEADINGS, type HsHeading } from './data/hs-headings.js';

/** Dots, spaces and dashes people write inside codes (`6109.10.00`, `6109 10 00 10`). */
const SEPARATORS = /[.\s-]/g;

/** `"6109.10.00"` → `"61091000"`. Other characters are kept, so validation can name them. */
export function normalizeHsCode(code: string): string {
  return code.replace(SEPARATORS, '');
}

/** One reason a code is not valid. */
export interface HsCodeIssue {
  /** `not_digits`, `too_short`, `unknown_chapter`, `reserved_chapter` or `wrong_length`. */
  code: 'not_digits' | 'too_short' | 'unknown_chapter' | 'reserved_chapter' | 'wrong_length';
  message: string;
}

/** Options of {@link validateHsCode}. */
export interface ValidateHsCodeOptions {
  /** The territory whose national lengths apply. Without it, any HS-based code of 6+ even digits passes. */
  countryCode?: CustomsCountry;
  /**
   * Which declaration the code is for: lengths differ (EU imports need 10-digit
   * TARIC, exports 8-digit CN). Without it, any length the territory uses passes,
   * and so does the bare 6-digit HS subheading.
   */
  declarationType?: DeclarationType;
}

/** What {@link validateHsCode} found. */
export interface HsCodeValidation {
  valid: boolean;
  /** The code without separators. */
  normalized: string;
  /** The 6-digit HS subheading, when the code has six digits or more. */
  hs6: string | null;
  /** The digits after the sixth (the national extension), if any. */
  nationalExtension: string | null;
  /** The lengths that were accepted. */
  expectedLengths: number[];
  issues: HsCodeIssue[];
}

/** The lengths a code may have under `options`. */
export function acceptedLengths(options: ValidateHsCodeOptions): number[] {
  const { countryCode, declarationType } = options;
  if (countryCode === undefined) return [6, 8, 10, 12];
  if (declarationType !== undefined)
    return [...declarationCodeLengths(countryCode, declarationType)];
  return [6, ...nationalCodeLengths(countryCode)];
}

/**
 * Validate an HS or national commodity code. Never throws: a bad code is
 * `{ valid: false, issues: [...] }`.
 *
 * @example
 * ```ts
 * validateHsCode('6109.10.00', { countryCode: 'BD', declarationType: 'import' }).valid; // true
 * validateHsCode('610910', { countryCode: 'EU', declarationType: 'import' }).issues[0].code; // 'wrong_length'
 * ```
 */
export function validateHsCode(
  code: string,
  options: ValidateHsCodeOptions = {},
): HsCodeValidation {
  const normalized = normalizeHsCode(code);
  const expectedLengths = acceptedLengths(options);
  const issues: HsCodeIssue[] = [];
  const digitsOnly = /^\d+$/.test(normalized);
  if (!digitsOnly) {
    issues.push({ code: 'not_digits', message: 'A commodity code has digits only' });
  } else if (normalized.length < 6) {
    issues.push({
      code: 'too_short',
      message: `A commodity code has at least the 6 digits of the HS subheading (got ${normalized.length})`,
    });
  }
  if (digitsOnly && normalized.length >= 2) {
    const chapter = HS_CHAPTERS.get(normalized.slice(0, 2));
    if (chapter === undefined) {
      issues.push({
        code: 'unknown_chapter',
        message: `Chapter ${normalized.slice(0, 2)} is not an ${HS_EDITION} chapter (01–97)`,
      });
    } else if (chapter.reserved) {
      issues.push({
        code: 'reserved_chapter',
        message: `Chapter ${chapter.code} is reserved in ${HS_EDITION}: no goods are classified there`,
      });
    }
  }
  if (digitsOnly && normalized.length >= 6 && !expectedLengths.includes(normalized.length)) {
    const where = options.countryCode === undefined ? '' : ` for ${options.countryCode}`;
    const what = options.declarationType === undefined ? 'A' : `An ${options.declarationType}`;
    issues.push({
      code: 'wrong_length',
      message: `${what} commodity code${where} has ${expectedLengths.join(' or ')} digits (got ${normalized.length})`,
    });
  }
  const hs6 = digitsOnly && normalized.length >= 6 ? normalized.slice(0, 6) : null;
  return {
    valid: issues.length === 0,
    normalized,
    hs6,
    nationalExtension: hs6 !== null && normalized.length > 6 ? normalized.slice(6) : null,
    expectedLengths,
    issues,
  };
}

/** What {@link lookupHsCode} knows of a code. */
export interface HsCodeLookup {
  normalized: string;
  /** The chapter (always known for a code in chapters 01–97). */
  chapter: HsChapter | null;
  /** The 4-digit heading, when it is in the shipped table. */
  heading: HsHeading | null;
  /** The 6-digit subheading, when it is in the shipped table. */
  subheading: HsHeading | null;
  nationalExtension: string | null;
  /** The nomenclature edition of the texts. */
  edition: string;
}

/**
 * Describe a code from the shipped tables: chapter title (all 97 chapters),
 * heading and subheading texts (a small subset: `heading: null` means "not in
 * the shipped table", not "invalid").
 */
export function lookupHsCode(code: string): HsCodeLookup {
  const normalized = normalizeHsCode(code);
  const digits = /^\d+$/.test(normalized) ? normalized : '';
  return {
    normalized,
    chapter: digits.length >= 2 ? (HS_CHAPTERS.get(digits.slice(0, 2)) ?? null) : null,
    heading: digits.length >= 4 ? (HS_HEADINGS.get(digits.slice(0, 4)) ?? null) : null,
    subheading: digits.length >= 6 ? (HS_HEADINGS.get(digits.slice(0, 6)) ?? null) : null,
    nationalExtension: digits.length > 6 ? digits.slice(6) : null,
    edition: HS_EDITION,
  };
}
