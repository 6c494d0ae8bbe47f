import type { ApiKeyRole, ApiKeyStore } from '@tollgate/server-adapter';

/** The label of the keys `pnpm start` makes for its demo tenants. */
export const DEMO_KEY_LABEL = 'pnpm start demo key';

/** The demo tenants: an SME that uploads letters of credit, and the bank it shares them with. */
export const DEMO_TENANTS = [
  { tenantId: 'demo-sme', role: 'sme', env: 'TOLLGATE_DEMO_SME_KEY' },
  { tenantId: 'demo-bank', role: 'bank', env: 'TOLLGATE_DEMO_BANK_KEY' },
] as const satisfies ReadonlyArray<{ tenantId: string; role: ApiKeyRole; env: string }>;

/** A demo tenant's key for this run. */
export interface DemoKey {
  tenantId: string;
  role: ApiKeyRole;
  key: string;
  /** True when the key came from the environment (fixed across runs). */
  fromEnvironment: boolean;
}

/**
 * Give each demo tenant a key for this run: the one in its environment
 * variable when set (registered once, so scripted demos can hard-code it), or
 * a fresh one — the demo keys of earlier runs are revoked first, so only the
 * printed keys work.
 */
export async function ensureDemoKeys(
  apiKeys: ApiKeyStore,
  env: Record<string, string | undefined> = process.env,
): Promise<DemoKey[]> {
  const keys: DemoKey[] = [];
  for (const tenant of DEMO_TENANTS) {
    const owner = { tenantId: tenant.tenantId, role: tenant.role, label: DEMO_KEY_LABEL };
    const fixed = env[tenant.env];
    for (const old of await apiKeys.list(tenant.tenantId)) {
      const stale = old.label === DEMO_KEY_LABEL && old.revokedAt === null;
      if (stale && (fixed === undefined || !fixed.startsWith(`tg_${old.prefix}_`))) {
        await apiKeys.revoke(old.prefix);
      }
    }
    if (fixed !== undefined && fixed !== '') {
      await apiKeys.add(fixed, owner);
      keys.push({
        tenantId: tenant.tenantId,
        role: tenant.role,
        key: fixed,
        fromEnvironment: true,
      });
    } else {
      const issued = await apiKeys.issue(owner);
      keys.push({
        tenantId: tenant.tenantId,
        role: tenant.role,
        key: issued.key,
        fromEnvironment: false,
      });
    }
  }
  return keys;
}
