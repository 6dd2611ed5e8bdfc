/**
 * The service's structured log. A pino logger fits; so does any object with these methods. The
 * service logs codes, record ids, event ids, masked identifiers and timings: never a secret key,
 * a full identifier or a whole record.
 *
 * @module
 * @example
 * ```ts
 * import pino from 'pino';
 * createIkrarService({ ...options, logger: pino({ level: 'info' }) });
 * ```
 */
import { pino } from 'pino';

/** What the service logs through: pino's signature, `(fields, message)`. */
export interface Logger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** The default: pino, JSON lines on standard output, `info` and above (`LOG_LEVEL` to change). */
export function defaultLogger(): Logger {
  return pino({ name: 'ikrar-server', level: process.env.LOG_LEVEL ?? 'info' });
}

/** A logger that drops everything (tests, benches). */
export const silentLogger: Logger = Object.freeze({
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
});
