import { type Logger, type LoggerOptions, pino } from 'pino';

/** A pino logger. */
export type TollgateLogger = Logger;

/**
 * Paths pino blanks out in a log object, at the top level and one level down
 * (`headers.authorization`, `config.clientSecret`, a whole `credentials`
 * object …), so credentials logged by mistake with a request or config object
 * do not reach a log line. The server's own lines never log headers, bodies or keys.
 */
export const REDACTED_LOG_PATHS: readonly string[] = [
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'headers.cookie',
  '*.headers.cookie',
  'key',
  '*.key',
  'secret',
  '*.secret',
  'clientSecret',
  '*.clientSecret',
  'token',
  '*.token',
  'apiKey',
  '*.apiKey',
  'webhookSecret',
  '*.webhookSecret',
  'credentials',
  '*.credentials',
  'password',
  '*.password',
  'DATABASE_URL',
  'connectionString',
  '*.connectionString',
];

/**
 * A structured JSON logger (pino) with {@link REDACTED_LOG_PATHS} censored.
 * `destination` defaults to stdout; pass a stream to capture lines in tests.
 */
export function createLogger(
  options: { level?: LoggerOptions['level']; destination?: NodeJS.WritableStream } = {},
): TollgateLogger {
  const config: LoggerOptions = {
    level: options.level ?? 'info',
    base: { service: 'tollgate' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: [...REDACTED_LOG_PATHS], censor: '[redacted]' },
  };
  return options.destination === undefined
    ? pino(config)
    : pino(config, options.destination as pino.DestinationStream);
}

/** A logger that writes nothing (the app's default when none is given). */
export function silentLogger(): TollgateLogger {
  return pino({ level: 'silent' });
}
