/**
 * Progress of a long import on stderr (stdout carries the report): on a terminal one line rewritten
 * in place ("validated 12000 rows · written 3000/12000"), at most every 100 ms; when stderr is not a
 * terminal (a log file, CI), a plain line each time another PROGRESS_LINE_EVERY rows are validated or
 * written, so small imports print nothing.
 */
export const PROGRESS_LINE_EVERY = 10_000;
const REDRAW_MS = 100;

export interface ProgressSink {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface ImportProgress {
  validated(rows: number): void;
  /** The file is validated and `total` rows are about to be written (not called when nothing is written). */
  writing?(total: number): void;
  written(rows: number, total: number): void;
  done(): void;
}

export function progressReporter(sink: ProgressSink, now: () => number = Date.now): ImportProgress {
  let validated = 0;
  let written: { rows: number; total: number } | undefined;
  let lastDraw = -Infinity;
  let drawn = false;
  let lastLine = { validated: 0, written: 0 };
  const text = (): string => `validated ${validated} rows${written ? ` · written ${written.rows}/${written.total}` : ''}`;
  const update = (force: boolean): void => {
    if (sink.isTTY) {
      if (!force && now() - lastDraw < REDRAW_MS) return;
      lastDraw = now();
      drawn = true;
      sink.write(`\r\u001b[K${text()}`);
      return;
    }
    const w = written?.rows ?? 0;
    if (Math.floor(validated / PROGRESS_LINE_EVERY) > Math.floor(lastLine.validated / PROGRESS_LINE_EVERY) || Math.floor(w / PROGRESS_LINE_EVERY) > Math.floor(lastLine.written / PROGRESS_LINE_EVERY)) {
      lastLine = { validated, written: w };
      sink.write(`import: ${text()}\n`);
    }
  };
  return {
    validated(rows) {
      validated = rows;
      update(false);
    },
    written(rows, total) {
      written = { rows, total };
      update(false);
    },
    done() {
      if (sink.isTTY && drawn) {
        update(true);
        sink.write('\n');
      }
    },
  };
}
