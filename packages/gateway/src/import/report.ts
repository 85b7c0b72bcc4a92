/** The import report: a summary, the ignored columns and every problem, as text or as one JSON object. */
import type { Messages } from '../domain';
import type { ImportFormat } from './import-file';
import type { ImportPlan } from './plan';
import type { ImportNotice, ImportProblem } from './problems';
import type { WriteOutcome } from './write';

export type ImportMode = 'ALL_OR_NOTHING' | 'SKIP_INVALID' | 'DRY_RUN';

/** What a file imports (absent on a report: candidates). */
export type ImportKind = 'candidates' | 'attendance' | 'test-results';

/** WRITTEN: every new row written; PARTIAL: some rows written, others not; NOTHING_WRITTEN: no row written (problems, a failed first batch or nothing new); DRY_RUN. */
export type ImportOutcome = 'WRITTEN' | 'PARTIAL' | 'NOTHING_WRITTEN' | 'DRY_RUN';

export interface ImportReport {
  /** Set for the training kinds; a candidate report leaves it out. */
  readonly kind?: ImportKind;
  /** The cohort of an attendance import. */
  readonly cohortId?: string;
  readonly file: string;
  readonly format: ImportFormat;
  readonly mode: ImportMode;
  readonly outcome: ImportOutcome;
  readonly dataRows: number;
  /** Rows written by this run. */
  readonly written: number;
  /** Valid new rows this run did not write (problems elsewhere in all-or-nothing mode, a dry run, or a failed batch). */
  readonly notWritten: number;
  readonly alreadyImported: readonly number[];
  readonly problemRows: readonly number[];
  readonly problems: readonly ImportProblem[];
  readonly notices: readonly ImportNotice[];
  /** The batch that failed, and the rows from it on (none of them written). */
  readonly failedRows?: readonly number[];
  readonly failureReason?: string;
}

/** What a report needs of a plan (any kind: the rows to write are only counted). */
export type PlanSummary = Omit<ImportPlan, 'toWrite'> & { readonly toWrite: readonly unknown[] };

export function buildReport(file: { path: string; format: ImportFormat }, mode: ImportMode, plan: PlanSummary, write: WriteOutcome | undefined, kind?: ImportKind): ImportReport {
  const written = write?.written ?? 0;
  const outcome: ImportOutcome =
    mode === 'DRY_RUN' ? 'DRY_RUN' : written === 0 ? 'NOTHING_WRITTEN' : written === plan.toWrite.length && plan.problems.length === 0 ? 'WRITTEN' : 'PARTIAL';
  return {
    ...(kind !== undefined && kind !== 'candidates' ? { kind } : {}),
    file: file.path,
    format: file.format,
    mode,
    outcome,
    dataRows: plan.dataRows,
    written,
    notWritten: plan.toWrite.length - written,
    alreadyImported: plan.alreadyImported,
    problemRows: plan.problemRows,
    problems: plan.problems,
    notices: plan.notices,
    ...(write?.failed ? { failedRows: write.failed.rows, failureReason: write.failed.reason } : {}),
  };
}

/** 0: everything in the file is registered; 1: problem rows or a failed batch (see the report). */
export function exitCodeOf(report: ImportReport): number {
  return report.problems.length > 0 || report.failedRows ? 1 : 0;
}

const OUTCOME_TEXT: Record<ImportOutcome, Messages> = {
  WRITTEN: { id: 'Semua baris baru tersimpan.', en: 'Every new row was saved.' },
  PARTIAL: { id: 'Sebagian baris tersimpan; baris lain tidak (lihat di atas).', en: 'Some rows were saved, others not (see above).' },
  NOTHING_WRITTEN: { id: 'Tidak ada yang disimpan.', en: 'Nothing was saved.' },
  DRY_RUN: { id: 'Uji coba (--dry-run): tidak ada yang disimpan.', en: 'Dry run (--dry-run): nothing was saved.' },
};

function where(p: ImportProblem): string {
  const row = p.row === null ? 'berkas/file' : `baris/row ${p.row}`;
  return p.column === null ? row : `${row}, kolom/column "${p.column}"`;
}

const KIND_TITLE: Record<ImportKind, string> = {
  candidates: 'Impor kandidat / Candidate import',
  attendance: 'Impor kehadiran / Attendance import',
  'test-results': 'Impor hasil ujian / Test result import',
};

export function formatReport(r: ImportReport): string {
  const lines = [
    `${KIND_TITLE[r.kind ?? 'candidates']}: ${r.file} (${r.format.toUpperCase()}), ${r.dataRows} baris data / data rows`,
    `Tersimpan / written: ${r.written} · sudah diimpor / already imported: ${r.alreadyImported.length} · baris bermasalah / problem rows: ${r.problemRows.length} · tidak disimpan / not written: ${r.notWritten}`,
  ];
  if (r.notices.length > 0) {
    lines.push('Kolom / columns:');
    for (const n of r.notices) lines.push(`  "${n.column}": ${n.code} — ${n.message.id} / ${n.message.en}`);
  }
  if (r.problems.length > 0) {
    lines.push(`Masalah / problems (${r.problems.length}):`);
    for (const p of r.problems) lines.push(`  ${where(p)}: ${p.code}`, `      ${p.message.id}`, `      ${p.message.en}`);
    if (r.mode === 'ALL_OR_NOTHING') lines.push('Perbaiki baris di atas lalu impor lagi, atau pakai --skip-invalid. / Fix the rows above and import again, or use --skip-invalid.');
  }
  if (r.failedRows) {
    lines.push(
      `Penyimpanan gagal (${r.failureReason}) mulai baris ${r.failedRows[0]}: ${r.failedRows.length} baris tidak tersimpan; jalankan lagi untuk melanjutkan.`,
      `Saving failed (${r.failureReason}) from row ${r.failedRows[0]}: ${r.failedRows.length} rows not saved; run again to continue.`,
    );
  }
  const o = OUTCOME_TEXT[r.outcome];
  lines.push(`${o.id} / ${o.en}`);
  return `${lines.join('\n')}\n`;
}
