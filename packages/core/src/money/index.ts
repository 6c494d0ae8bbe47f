export { allocateMoney, splitMoney } from './allocate.js';
export {
  addMoney,
  compareMoney,
  convertMoney,
  isZeroMoney,
  multiplyMoney,
  negateMoney,
  subtractMoney,
} from './arithmetic.js';
export {
  CURRENCY_EXPONENTS,
  type CurrencyCode,
  currencyExponent,
  isCurrencyCode,
} from './currencies.js';
export { type FormatMoneyOptions, formatMoney } from './format.js';
export { type MoneyJSON, moneyFromJSON, moneyToJSON } from './json.js';
export {
  isMoney,
  type Money,
  money,
  type ParseMoneyOptions,
  parseMoney,
  toDecimalString,
} from './money.js';
export { MONEY_ISSUE_CODES, type MoneyIssueCode } from './money-errors.js';
export { isRoundingMode, ROUNDING_MODES, type RoundingMode, roundDivide } from './rounding.js';
