export { collectSecretStrings, REDACTED, redactObject, redactSecrets } from './redact.js';
