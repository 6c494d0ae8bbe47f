import { ValidationError, type ValidationIssue } from '@tollgate/core';
import { isTimeZone, type MonthWindow, monthWindow } from './month-window.js';

/**
 * Monthly limits per tenant and operation, and each tenant's time zone. The
 * billing guard asks it for the limit of each authorization; anything with
 * these methods will do.
 */
export interface QuotaPolicy {
  /** At most this many pending + committed intents per calendar month; `null`: no limit. */
  limitFor(tenantId: string, operation: string): number | null;
  /** The IANA time zone whose calendar months the tenant's quotas follow. */
  timeZoneOf(tenantId: string): string;
  /** Share of the limit at which `quota.warning` is emitted; default 0.8. */
  readonly warningRatio?: number;
}

/** One tenant's quota settings. */
export interface TenantQuotaConfig {
  /** Default: the policy's `timeZone`. */
  timeZone?: string;
  /** Limits per operation; `null` lifts a default limit for this tenant. */
  limits?: Record<string, number | null>;
}

/** Options of {@link createQuotaPolicy}. */
export interface QuotaPolicyConfig {
  /** The time zone of tenants that name none; default `UTC`. */
  timeZone?: string;
  /** Limits per operation for every tenant. */
  limits?: Record<string, number>;
  /** Per-tenant time zones and limits, which win over the defaults. */
  tenants?: Record<string, TenantQuotaConfig>;
  /** Share of the limit at which `quota.warning` is emitted, in (0, 1]; default 0.8. */
  warningRatio?: number;
}

function checkLimit(value: unknown, path: string[], issues: ValidationIssue[]): void {
  if (value === null) return;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    issues.push({
      path,
      code: 'invalid_limit',
      message: 'a limit is a whole number ≥ 0 (or null)',
    });
  }
}

/**
 * A {@link QuotaPolicy} from plain settings: monthly limits per operation for
 * every tenant, overridden per tenant, and each tenant's time zone (the
 * calendar month is the tenant's, not UTC's). Invalid settings throw a
 * `ValidationError` listing every problem.
 */
export function createQuotaPolicy(config: QuotaPolicyConfig = {}): QuotaPolicy {
  const issues: ValidationIssue[] = [];
  const timeZone = config.timeZone ?? 'UTC';
  if (!isTimeZone(timeZone)) {
    issues.push({
      path: ['timeZone'],
      code: 'invalid_time_zone',
      message: 'not an IANA time zone',
    });
  }
  for (const [operation, limit] of Object.entries(config.limits ?? {})) {
    checkLimit(limit, ['limits', operation], issues);
  }
  for (const [tenantId, tenant] of Object.entries(config.tenants ?? {})) {
    if (tenant.timeZone !== undefined && !isTimeZone(tenant.timeZone)) {
      issues.push({
        path: ['tenants', tenantId, 'timeZone'],
        code: 'invalid_time_zone',
        message: 'not an IANA time zone',
      });
    }
    for (const [operation, limit] of Object.entries(tenant.limits ?? {})) {
      checkLimit(limit, ['tenants', tenantId, 'limits', operation], issues);
    }
  }
  const warningRatio = config.warningRatio ?? 0.8;
  if (!(warningRatio > 0 && warningRatio <= 1)) {
    issues.push({ path: ['warningRatio'], code: 'invalid_ratio', message: 'must be in (0, 1]' });
  }
  if (issues.length > 0) throw new ValidationError('Invalid quota settings', issues);

  const tenants = new Map(Object.entries(config.tenants ?? {}));
  const defaults = new Map(Object.entries(config.limits ?? {}));
  return {
    warningRatio,
    limitFor(tenantId, operation) {
      const own = tenants.get(tenantId)?.limits;
      if (own !== undefined && Object.hasOwn(own, operation)) return own[operation] ?? null;
      return defaults.get(operation) ?? null;
    },
    timeZoneOf(tenantId) {
      return tenants.get(tenantId)?.timeZone ?? timeZone;
    },
  };
}

/** The quota window `at` falls in for `tenantId` under `policy`. */
export function quotaWindow(policy: QuotaPolicy, tenantId: string, at: Date): MonthWindow {
  return monthWindow(at, policy.timeZoneOf(tenantId));
}
