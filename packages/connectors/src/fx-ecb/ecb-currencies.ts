/** The currency every ECB reference rate is quoted against. */
export const ECB_BASE_CURRENCY = 'EUR';

/**
 * The 30 currencies the ECB published reference rates for in 2024, in the
 * order of its files (no BDT, no RUB since 2022, no HRK since 2023). For
 * documentation and option lists only: the connector checks a request against
 * the currencies of the file it actually fetched, since the list changes over
 * time (BGN ends when Bulgaria adopts the euro; old dates list HRK, LTL, …).
 */
export const ECB_CURRENCIES: readonly string[] = Object.freeze([
  'USD',
  'JPY',
  'BGN',
  'CZK',
  'DKK',
  'GBP',
  'HUF',
  'PLN',
  'RON',
  'SEK',
  'CHF',
  'ISK',
  'NOK',
  'TRY',
  'AUD',
  'BRL',
  'CAD',
  'CNY',
  'HKD',
  'IDR',
  'ILS',
  'INR',
  'KRW',
  'MXN',
  'MYR',
  'NZD',
  'PHP',
  'SGD',
  'THB',
  'ZAR',
]);
