/**
 * `@tollgate/connectors/fx-ecb`: the European Central Bank's euro foreign
 * exchange reference rates as an FX provider (`rates`, `convert`,
 * `forwardQuote`, `history`). Its sandbox is at
 * `@tollgate/connectors/fx-ecb/sandbox` (needs msw).
 * @packageDocumentation
 */
export { FX_ECB_ID, FX_ECB_SANDBOX_URL, fxEcb } from './connector.js';
export { ECB_BASE_CURRENCY, ECB_CURRENCIES } from './ecb-currencies.js';
export { ECB_FILES, type EcbFile } from './ecb-files.js';
export { type EcbReferenceDay, parseEcbXml } from './ecb-xml.js';
export {
  type FxEcbConfig,
  type FxEcbCredentials,
  type FxEcbHistoryInput,
  type FxEcbHistoryOutput,
  fxEcbConfig,
  fxEcbCredentials,
  fxEcbHistoryInput,
  fxEcbHistoryOutput,
} from './schema.js';
