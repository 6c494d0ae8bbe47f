export { isTimeZone, type MonthWindow, monthWindow } from './month-window.js';
export {
  createQuotaPolicy,
  type QuotaPolicy,
  type QuotaPolicyConfig,
  quotaWindow,
  type TenantQuotaConfig,
} from './quotas.js';
