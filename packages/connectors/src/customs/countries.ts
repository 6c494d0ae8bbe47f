/**
 * The customs territories the connector declares into, and what each expects
 * of a commodity code and a customs office. Lengths are those of each
 * territory's national tariff nomenclature built on the 6-digit HS:
 *
 * | territory | national code | digits |
 * | --- | --- | --- |
 * | BD | Bangladesh Customs Tariff (First Schedule, Customs Act 1969) | 8 |
 * | IN | ITC-HS / First Schedule, Customs Tariff Act 1975 | 8 |
 * | US | HTSUS statistical reporting number (imports) / Schedule B (exports) | 10 |
 * | AE, SA | GCC Common Customs Tariff: 8-digit lines, 12 digits in the current national tariffs | 8 or 12 |
 * | EU | TARIC (imports, CN 8 digits + 2) / Combined Nomenclature (exports) | 10 / 8 |
 * @module
 */

/** Territories a declaration can be lodged in. `EU` is the customs union (one tariff). */
export const CUSTOMS_COUNTRIES = ['BD', 'IN', 'US', 'AE', 'SA', 'EU'] as const;

/** One of {@link CUSTOMS_COUNTRIES}. */
export type CustomsCountry = (typeof CUSTOMS_COUNTRIES)[number];

/** An import or an export declaration. */
export type DeclarationType = 'import' | 'export';

/** The 27 EU member states (ISO 3166-1 alpha-2; Greece is `GR` in customs office numbers). */
export const EU_MEMBER_STATES = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
] as const;

/** One of {@link EU_MEMBER_STATES}. */
export type EuMemberState = (typeof EU_MEMBER_STATES)[number];

/** True when `code` is an EU member state. */
export function isEuMemberState(code: string): code is EuMemberState {
  return (EU_MEMBER_STATES as readonly string[]).includes(code);
}

/** How many digits a declared commodity code has in `country`, for this kind of declaration. */
export function declarationCodeLengths(
  country: CustomsCountry,
  declarationType: DeclarationType,
): readonly number[] {
  switch (country) {
    case 'BD':
    case 'IN':
      return [8];
    case 'US':
      return [10];
    case 'AE':
    case 'SA':
      return [8, 12];
    case 'EU':
      return declarationType === 'import' ? [10] : [8];
  }
}

/** Every national length `country` uses (imports and exports together). */
export function nationalCodeLengths(country: CustomsCountry): readonly number[] {
  return [
    ...new Set([
      ...declarationCodeLengths(country, 'import'),
      ...declarationCodeLengths(country, 'export'),
    ]),
  ].sort((a, b) => a - b);
}

/** What a customs office identifier looks like in a territory, and an example. */
export interface CustomsOfficeFormat {
  readonly pattern: RegExp;
  readonly description: string;
}

const OFFICE_FORMATS: Readonly<Record<CustomsCountry, CustomsOfficeFormat>> = {
  // The EU customs office reference number: the member state and six characters (e.g. NL000396).
  EU: {
    pattern: /^[A-Z]{2}[A-Z0-9]{6}$/,
    description: 'an EU customs office reference number: member state + 6 characters (NL000396)',
  },
  // CBP ports of entry are four-digit Schedule D codes (district + port, e.g. 2704).
  US: { pattern: /^\d{4}$/, description: 'a four-digit CBP port code (2704)' },
  // ICEGATE location codes: IN + four characters (INNSA1 is Nhava Sheva).
  IN: { pattern: /^IN[A-Z0-9]{4}$/, description: 'an ICEGATE location code (INNSA1)' },
  // No public fixed format is relied on for these: an office code of 2–10 characters.
  BD: { pattern: /^[A-Z0-9]{2,10}$/, description: 'a customs house code of 2–10 characters' },
  AE: { pattern: /^[A-Z0-9]{2,10}$/, description: 'a customs office code of 2–10 characters' },
  SA: { pattern: /^[A-Z0-9]{2,10}$/, description: 'a customs office code of 2–10 characters' },
};

/** The format a customs office identifier must have in `country`. */
export function customsOfficeFormat(country: CustomsCountry): CustomsOfficeFormat {
  return OFFICE_FORMATS[country];
}

/**
 * Why `office` is not a customs office of `country`, or `undefined` when it is.
 * For the EU the first two letters must also be a member state.
 */
export function customsOfficeProblem(country: CustomsCountry, office: string): string | undefined {
  const format = OFFICE_FORMATS[country];
  if (!format.pattern.test(office)) return `expected ${format.description}`;
  if (country === 'EU' && !isEuMemberState(office.slice(0, 2))) {
    return `"${office.slice(0, 2)}" is not an EU member state`;
  }
  return undefined;
}
