import type { TollgateLogger } from '../logging/logger.js';
import type { Notifier } from './types.js';

/**
 * A {@link Notifier} that writes each alert to a pino logger:
 * `logger.warn({ alert }, 'alert.firing')` when it fires,
 * `logger.info({ alert }, 'alert.resolved')` when it resolves. Never rejects
 * unless the logger throws. Alerts carry no secrets, and the app's logger
 * (`createLogger()`) redacts its usual paths anyway.
 */
export function logNotifier(logger: Pick<TollgateLogger, 'warn' | 'info'>): Notifier {
  return {
    name: 'log',
    async notify(alert) {
      if (alert.status === 'firing') logger.warn({ alert }, 'alert.firing');
      else logger.info({ alert }, 'alert.resolved');
    },
  };
}
