/**
 * Ad valorem import duty rates for a small, real subset of tariff lines, per
 * customs territory: enough to estimate the common lines of the connector's
 * examples (coffee, cotton fabric, T-shirts, men's cotton trousers, laptops,
 * smartphones). These are **estimates**: MFN / general rates only, no
 * preferential (FTA, GSP, LDC) rates, no anti-dumping, safeguard or
 * retaliatory duties, no specific ("per piece", "per kg") alternatives, no
 * exemption notifications. Confirm any figure with the national tariff before
 * relying on it.
 *
 * Each entry names its source. `checkedAgainst` says where the figure was
 * cross-checked when this table was written; an entry without it was taken
 * from the national tariff's published rate for the line and is marked
 * `unconfirmed` in estimates, so callers can tell the two apart.
 *
 * Rates are percent, as exact decimal strings (`"16.5"`), never floats.
 * @module
 */
import type { CustomsCountry } from '../countries.js';

/** One ad valorem rate for every code that starts with `prefix`. */
export interface DutyRateEntry {
  /** HS heading (4 digits), subheading (6) or national line (8–12). The longest matching prefix wins. */
  readonly prefix: string;
  /** Percent of the customs value, as an exact decimal string. */
  readonly ratePercent: string;
  /** Where the rate comes from. */
  readonly source: string;
  /** Where the figure was cross-checked, when it was. */
  readonly checkedAgainst?: string;
  readonly note?: string;
}

/** A territory's duty table and how its customs value is built. */
export interface TerritoryDutyTable {
  /** What the duty is called there. */
  readonly dutyName: string;
  /** `CIF` (cost, insurance, freight to the border) or `FOB` (transaction value without international freight and insurance). */
  readonly valuationBasis: 'CIF' | 'FOB';
  readonly entries: readonly DutyRateEntry[];
}

const EU_CCT =
  'EU Common Customs Tariff: Combined Nomenclature (Regulation (EEC) No 2658/87, Annex I, as updated yearly), conventional third-country duty, erga omnes';
const HTSUS = 'Harmonized Tariff Schedule of the United States (USITC), column 1 "General" rate';
const IN_TARIFF =
  'India, Customs Tariff Act 1975, First Schedule, standard rate of basic customs duty (BCD)';
const BD_TARIFF =
  'Bangladesh Customs Tariff (First Schedule to the Customs Act 1969, NBR operative tariff), customs duty (CD) slab';
const GCC_CCT = 'GCC Common Customs Tariff (general rate 5 %; ITA goods 0 %)';

/** Duty tables per territory. */
export const DUTY_TABLES: Readonly<Record<CustomsCountry, TerritoryDutyTable>> = {
  EU: {
    dutyName: 'Customs duty (third-country)',
    valuationBasis: 'CIF',
    entries: [
      { prefix: '090111', ratePercent: '0', source: EU_CCT, note: 'CN 0901 11 00: free' },
      { prefix: '090121', ratePercent: '7.5', source: EU_CCT },
      { prefix: '5208', ratePercent: '8', source: EU_CCT },
      {
        prefix: '6109',
        ratePercent: '12',
        source: EU_CCT,
        checkedAgainst:
          'taric-check.com (TARIC, DG TAXUD CIRCABC data): 12 % erga omnes on the sibling line 6105 10 00',
      },
      { prefix: '620342', ratePercent: '12', source: EU_CCT },
      { prefix: '847130', ratePercent: '0', source: EU_CCT, note: 'ITA product: free' },
      { prefix: '851713', ratePercent: '0', source: EU_CCT, note: 'ITA product: free' },
    ],
  },
  US: {
    dutyName: 'MFN duty (HTSUS general rate)',
    // 19 U.S.C. 1401a: transaction value, excluding international freight and insurance.
    valuationBasis: 'FOB',
    entries: [
      { prefix: '090111', ratePercent: '0', source: HTSUS, note: '0901.11.00: Free' },
      { prefix: '090121', ratePercent: '0', source: HTSUS, note: '0901.21.00: Free' },
      {
        prefix: '61091000',
        ratePercent: '16.5',
        source: HTSUS,
        checkedAgainst: 'vatcheck.io/hts/6109.10.00: general rate 16.5 %',
      },
      {
        prefix: '62034240',
        ratePercent: '16.6',
        source: HTSUS,
        checkedAgainst: 'several HTSUS-derived datasets list 6203.42.40 at 16.6 %',
      },
      {
        prefix: '847130',
        ratePercent: '0',
        source: HTSUS,
        checkedAgainst: 'HTSUS-derived datasets list 8471.30.01 as free',
      },
      { prefix: '851713', ratePercent: '0', source: HTSUS, note: '8517.13.00: Free' },
    ],
  },
  IN: {
    dutyName: 'Basic customs duty (BCD)',
    valuationBasis: 'CIF',
    entries: [
      { prefix: '0901', ratePercent: '100', source: IN_TARIFF },
      {
        prefix: '6109',
        ratePercent: '25',
        source: IN_TARIFF,
        note: 'Chapter 61 lines carry "25 % or Rs. … per piece, whichever is higher" in the 2022 First Schedule; the per-piece alternative is not modelled',
      },
      {
        prefix: '6203',
        ratePercent: '25',
        source: IN_TARIFF,
        note: 'The per-piece alternative of chapter 62 lines is not modelled',
      },
      {
        prefix: '847130',
        ratePercent: '0',
        source: `${IN_TARIFF}, as exempted for ITA goods`,
      },
      {
        prefix: '851713',
        ratePercent: '15',
        source: `${IN_TARIFF}; rate for mobile phones after the Union Budget of July 2024`,
      },
    ],
  },
  BD: {
    dutyName: 'Customs duty (CD)',
    valuationBasis: 'CIF',
    entries: [
      { prefix: '0901', ratePercent: '25', source: BD_TARIFF },
      {
        prefix: '6109',
        ratePercent: '25',
        source: BD_TARIFF,
        note: 'Finished goods slab; supplementary and regulatory duties are not modelled',
      },
      {
        prefix: '6203',
        ratePercent: '25',
        source: BD_TARIFF,
        note: 'Finished goods slab; supplementary and regulatory duties are not modelled',
      },
    ],
  },
  AE: {
    dutyName: 'Customs duty (GCC Common Customs Tariff)',
    valuationBasis: 'CIF',
    entries: [
      { prefix: '6109', ratePercent: '5', source: GCC_CCT },
      { prefix: '6203', ratePercent: '5', source: GCC_CCT },
      { prefix: '847130', ratePercent: '0', source: GCC_CCT },
    ],
  },
  SA: {
    dutyName: 'Customs duty (Saudi integrated tariff, GCC CCT)',
    valuationBasis: 'CIF',
    entries: [
      {
        prefix: '6109',
        ratePercent: '5',
        source: GCC_CCT,
        note: 'Saudi Arabia raised many lines above the GCC rate in 2020; confirm with ZATCA',
      },
      { prefix: '847130', ratePercent: '0', source: GCC_CCT },
    ],
  },
};

/**
 * Extra duty computed on the customs duty itself. India's Social Welfare
 * Surcharge is 10 % of the aggregate customs duties (Finance Act 2018,
 * section 110); lines exempted from it are not modelled.
 */
export const SURCHARGES_ON_DUTY: Readonly<
  Partial<Record<CustomsCountry, { name: string; ratePercent: string; source: string }>>
> = {
  IN: {
    name: 'Social Welfare Surcharge (SWS)',
    ratePercent: '10',
    source: 'India, Finance Act 2018, section 110: 10 % of the aggregate duties of customs',
  },
};
