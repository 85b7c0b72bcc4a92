/**
 * Structured JSON logs (pino). Secrets are redacted by path; personal data and SQL values are redacted
 * by the logger itself (security/log-redaction.ts), on every line, whatever the call site logs:
 * errors are rebuilt without SQL text, parameters or PostgreSQL's quotation of row values; keys that
 * hold SQL, input or personal data are censored; digit runs and dates are masked in every string.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config';
import { logMessageOf, redactError, redactLogObject, scrubLogLine, scrubLogText } from '../security/log-redaction';

export type { Logger } from 'pino';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: '@jembatan/gateway' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-api-key"]',
        'databaseUrl',
        'password',
        '*.password',
        'variables',
        '*.variables',
      ],
      censor: '[redacted]',
    },
    // an Error still unredacted here (formatters.log has rebuilt the others) is rebuilt too
    serializers: { err: (v: unknown) => (v instanceof Error ? redactError(v) : v) },
    formatters: {
      level: (label) => ({ level: label }),
      log: (obj) => redactLogObject(obj),
    },
    hooks: {
      // `log.error(err)` and `log.error({ err })` without a message: pino would use err.message as is
      logMethod(args, method) {
        const [first, ...rest] = args as unknown[];
        let next: unknown[] = args as unknown[];
        if (first instanceof Error) next = [{ err: first }, ...(typeof rest[0] === 'string' ? rest : [logMessageOf(first), ...rest])];
        else if (isRecord(first) && isRecord(first['err']) && typeof rest[0] !== 'string') next = [first, logMessageOf(first['err']), ...rest];
        next = next.map((a) => (typeof a === 'string' ? scrubLogText(a) : a));
        return method.apply(this, next as Parameters<typeof method>);
      },
      // last line of defence: digit runs and dates inside the JSON strings of the finished line
      streamWrite: (line) => scrubLogLine(line),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
