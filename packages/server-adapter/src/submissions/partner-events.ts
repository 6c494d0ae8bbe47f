import type { SqlSurface } from '@tollgate/billing';
import { migrateServerTables } from '../storage/migrations.js';

/** Which partner callbacks were already applied, by integration and event id (de-duplication). */
export interface PartnerEventLog {
  /** Whether the event was already recorded. */
  seen(integrationId: string, eventId: string): Promise<boolean>;
  /** Record the event (before applying it); false when it was already there. */
  record(integrationId: string, eventId: string, type: string, now: Date): Promise<boolean>;
  /** Forget a recorded event that could not be applied, so that the partner's redelivery is. */
  forget(integrationId: string, eventId: string): Promise<void>;
}

/** The partner event log in the server's tables (`tollgate_partner_events`). */
export function sqlPartnerEventLog(surface: SqlSurface): PartnerEventLog {
  const ready = () => migrateServerTables(surface);
  return {
    async seen(integrationId, eventId) {
      await ready();
      const rows = await surface.query(
        'SELECT 1 AS seen FROM tollgate_partner_events WHERE integration_id = $1 AND event_id = $2',
        [integrationId, eventId],
      );
      return rows.length > 0;
    },
    async record(integrationId, eventId, type, now) {
      await ready();
      const rows = await surface.query(
        `INSERT INTO tollgate_partner_events (integration_id, event_id, event_type, received_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT (integration_id, event_id) DO NOTHING RETURNING event_id`,
        [integrationId, eventId, type, now.getTime()],
      );
      return rows.length === 1;
    },
    async forget(integrationId, eventId) {
      await ready();
      await surface.query(
        'DELETE FROM tollgate_partner_events WHERE integration_id = $1 AND event_id = $2',
        [integrationId, eventId],
      );
    },
  };
}
