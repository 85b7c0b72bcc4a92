import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/config/logger';
import type { LogLevel } from '../../src/config/config';

/** A pino logger whose JSON lines are kept in memory, for assertions on what was logged. */
export interface CapturedLogger {
  readonly log: Logger;
  readonly lines: () => Array<Record<string, unknown>>;
}

export function captureLogger(level: LogLevel = 'info'): CapturedLogger {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk.toString('utf8'));
      cb();
    },
  });
  const log = createLogger(level, stream);
  return {
    log,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}
