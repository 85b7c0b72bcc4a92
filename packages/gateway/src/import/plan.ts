/**
 * The whole file, validated before anything is written: every row read (up to the row limit), every
 * problem collected, NIKs that appear twice in the file refused (all their rows), and the rows whose
 * NIK is already registered sorted out: the same data → "already imported" (a re-run after an
 * interruption continues from there), different data → a problem row. Pure, apart from reading the
 * rows; the caller looks the NIKs up (write.ts: findExistingCandidates).
 */
import type { IsoDate, Occupation, Route } from '../domain';
import { mapHeaders, type HeaderMap } from './columns';
import { rowProblem, type ImportNotice, type ImportProblem } from './problems';
import { walkSheet } from './sheet';
import { rowNik, validateRow, type CandidateRowValue, type RowInput } from './validate-row';

export interface RowToWrite {
  readonly rowNumber: number;
  readonly nik: string;
  readonly candidate: CandidateRowValue;
}

/** A registered candidate as the plan compares it. */
export interface ExistingCandidate {
  readonly profile: unknown;
  readonly targetRoute: Route | null;
  readonly targetOccupation: Occupation | null;
}

export interface ImportPlan {
  /** Data rows read (blank rows not counted). */
  readonly dataRows: number;
  readonly toWrite: readonly RowToWrite[];
  /** Rows whose candidate is already registered with the same data (not written again). */
  readonly alreadyImported: readonly number[];
  /** Every problem, by row then in column order. */
  readonly problems: readonly ImportProblem[];
  /** The rows that have at least one problem. */
  readonly problemRows: readonly number[];
  readonly notices: readonly ImportNotice[];
}

export interface ReadProgress {
  validated(rows: number): void;
}

/** JSON with sorted keys, so that two equal profiles compare equal whatever their key order (jsonb reorders). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

export function sameCandidate(row: CandidateRowValue, existing: ExistingCandidate): boolean {
  return (
    canonicalJson(row.profile) === canonicalJson(existing.profile) &&
    row.targetRoute === existing.targetRoute &&
    row.targetOccupation === existing.targetOccupation
  );
}

export interface Collected {
  header: HeaderMap;
  dataRows: number;
  valid: RowToWrite[];
  problems: ImportProblem[];
  niks: Map<string, number[]>;
}

/** Read and validate every row; throws ImportFileError for an empty file, a header only, too many rows. */
export async function collectRows(rows: AsyncIterable<RowInput>, asOf: IsoDate, progress?: ReadProgress): Promise<Collected> {
  const out = { valid: [] as RowToWrite[], problems: [] as ImportProblem[], niks: new Map<string, number[]>() };
  const { header, dataRows } = await walkSheet(
    rows,
    mapHeaders,
    (row, header) => {
      const v = validateRow(row, header, asOf);
      out.problems.push(...v.problems);
      const nik = v.nik ?? rowNik(row, header);
      if (nik !== undefined) out.niks.set(nik, [...(out.niks.get(nik) ?? []), row.rowNumber]);
      if (v.candidate && v.nik !== undefined) out.valid.push({ rowNumber: row.rowNumber, nik: v.nik, candidate: v.candidate });
    },
    progress,
  );
  return { header, dataRows, ...out };
}

/** Same-file duplicates and already-registered NIKs (see the module comment). */
export function classifyRows(c: Collected, existing: ReadonlyMap<string, ExistingCandidate>): ImportPlan {
  const problems = [...c.problems];
  const nikColumn = c.header.headerOf.get('nik') ?? null;
  const duplicated = new Set<string>();
  for (const [nik, rows] of c.niks) {
    if (rows.length < 2) continue;
    duplicated.add(nik);
    for (const row of rows) problems.push(rowProblem(row, nikColumn, 'IMPORT.DUPLICATE_NIK_IN_FILE', { rows: rows.join(', ') }));
  }
  const toWrite: RowToWrite[] = [];
  const alreadyImported: number[] = [];
  for (const row of c.valid) {
    if (duplicated.has(row.nik)) continue;
    const found = existing.get(row.nik);
    if (!found) toWrite.push(row);
    else if (sameCandidate(row.candidate, found)) alreadyImported.push(row.rowNumber);
    else problems.push(rowProblem(row.rowNumber, nikColumn, 'IMPORT.NIK_ALREADY_REGISTERED'));
  }
  const order = new Map([...c.header.fields].map(([index, field]) => [c.header.headerOf.get(field), index] as const));
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (order.get(a.column ?? undefined) ?? -1) - (order.get(b.column ?? undefined) ?? -1));
  const problemRows = [...new Set(problems.map((p) => p.row).filter((r): r is number => r !== null))];
  return { dataRows: c.dataRows, toWrite, alreadyImported, problems, problemRows, notices: c.header.notices };
}
