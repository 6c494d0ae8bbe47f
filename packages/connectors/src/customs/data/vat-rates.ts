/**
 * Import VAT / GST rates per territory, as **estimates** (standard rates;
 * reduced rates, exemptions and national surcharges are not modelled unless
 * listed). The tax base everywhere here is the customs value plus the duties
 * (and, in India, the Social Welfare Surcharge).
 *
 * Sources:
 * - BD: Value Added Tax and Supplementary Duty Act 2012, standard rate 15 %.
 * - IN: IGST on imports (IGST Act 2017, s. 5 with the Customs Tariff Act, s. 3(7)),
 *   slabs after the GST Council's 56th meeting (3 Sept 2025), in force from
 *   22 Sept 2025: 0 %, 5 %, 18 % and 40 % (the 12 % and 28 % slabs were abolished);
 *   apparel and footwear up to ₹2,500 a piece at 5 %, above at 18 %. Cross-checked
 *   against the busy.in / caclubindia.com "GST 2.0" rate tables and India Today (3 Sept 2025).
 * - US: no federal VAT or GST on imports (state sales and use taxes are not import taxes).
 * - AE: Federal Decree-Law No. 8 of 2017 on VAT, 5 %.
 * - SA: VAT Law, standard rate 15 % since 1 July 2020.
 * - EU: Council Directive 2006/112/EC; standard rates per member state from the
 *   European Commission's "VAT rates applied in the Member States" list.
 * @module
 */
import type { CustomsCountry, EuMemberState } from '../countries.js';

/** A GST slab that depends on the value of one piece (India, apparel and footwear). */
export interface PerPieceSlab {
  /** Up to and including this value per piece, in rupees (INR major units, exact decimal)… */
  readonly upToInrPerPiece: string;
  /** …this rate applies (percent), */
  readonly ratePercent: string;
  /** …and above it this one. */
  readonly aboveRatePercent: string;
}

/** The import VAT/GST rate for codes that start with `prefix`. */
export interface VatRateEntry {
  readonly prefix: string;
  readonly ratePercent: string;
  readonly perPieceSlab?: PerPieceSlab;
}

/** A territory's import VAT/GST. */
export interface TerritoryVatTable {
  /** What the tax is called, or `null` where there is none on imports (US). */
  readonly taxName: string | null;
  /** The rate for every code with no more specific entry, or `null` when every code needs an entry. */
  readonly standardRatePercent: string | null;
  readonly entries: readonly VatRateEntry[];
}

const APPAREL_SLAB: PerPieceSlab = {
  upToInrPerPiece: '2500',
  ratePercent: '5',
  aboveRatePercent: '18',
};

/** Import VAT/GST per territory (the EU's rate depends on the member state: {@link EU_STANDARD_VAT}). */
export const VAT_TABLES: Readonly<Record<Exclude<CustomsCountry, 'EU'>, TerritoryVatTable>> = {
  BD: { taxName: 'VAT', standardRatePercent: '15', entries: [] },
  IN: {
    taxName: 'IGST',
    // GST slabs are per line: a code with no entry here cannot be estimated.
    standardRatePercent: null,
    entries: [
      { prefix: '0901', ratePercent: '5' },
      { prefix: '0902', ratePercent: '5' },
      { prefix: '5208', ratePercent: '5' },
      { prefix: '61', ratePercent: '18', perPieceSlab: APPAREL_SLAB },
      { prefix: '62', ratePercent: '18', perPieceSlab: APPAREL_SLAB },
      { prefix: '8471', ratePercent: '18' },
      { prefix: '851713', ratePercent: '18' },
    ],
  },
  US: { taxName: null, standardRatePercent: '0', entries: [] },
  AE: { taxName: 'VAT', standardRatePercent: '5', entries: [] },
  SA: { taxName: 'VAT', standardRatePercent: '15', entries: [] },
};

/** Standard VAT rates (percent) of the member states the estimator knows. */
export const EU_STANDARD_VAT: Readonly<Partial<Record<EuMemberState, string>>> = {
  AT: '20',
  BE: '21',
  DE: '19',
  DK: '25',
  ES: '21',
  FR: '20',
  IE: '23',
  IT: '22',
  NL: '21',
  PL: '23',
  PT: '23',
  SE: '25',
};
