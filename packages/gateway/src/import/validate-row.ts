/**
 * One data row → the candidate it registers, or its problems. Pure: no database, no clock (the
 * caller gives `asOf`, the program's WIB date of the import, the same date registerCandidate checks
 * the profile on).
 *
 * The domain decides what a valid profile is: the row's values are put into a `CandidateProfile`
 * shape and checked with `listCandidateProfileIssues` (full NIK check, real dates, plausible birth
 * date, BPJS digits, EPS-TOPIK score range...), and the NIK is compared with the declared birth date
 * and sex with `checkNikAgainstDeclared`. This module only adds what a spreadsheet gets wrong on its
 * own: formulas, error cells, over-long cells, date formats, NIK typed as a number, spellings of
 * sex / education / route / occupation, and an unknown Kota Serang kecamatan.
 */
import {
  checkNikAgainstDeclared,
  classifyCityName,
  EDUCATION_LEVELS,
  listCandidateProfileIssues,
  normalizeKotaSerangKecamatan,
  OCCUPATION_LABELS,
  OCCUPATIONS,
  ROUTES,
  validateCandidateProfile,
  type CandidateProfile,
  type DomainErrorData,
  type IsoDate,
  type Occupation,
  type Route,
  type Sex,
} from '../domain';
import { cellText, compactKey, EMPTY_CELL, parseDateCell, type ImportCell } from './cells';
import { COLUMN_SPECS, type HeaderMap, type ImportField } from './columns';
import { MAX_CELL_LENGTH } from './limits';
import { rowProblem, type ImportProblem, type RowProblemCode } from './problems';

export interface RowInput {
  /** The row's number in the sheet (header = 1). */
  readonly rowNumber: number;
  readonly cells: readonly ImportCell[];
}

/** What a valid row registers (the registerCandidate command, without external references). */
export interface CandidateRowValue {
  readonly profile: CandidateProfile;
  readonly targetRoute: Route | null;
  readonly targetOccupation: Occupation | null;
  readonly note: string | null;
}

export interface ValidatedRow {
  readonly rowNumber: number;
  /** The NIK in its compact form, when the row has a valid one (for duplicate checks). */
  readonly nik?: string;
  readonly candidate?: CandidateRowValue;
  readonly problems: readonly ImportProblem[];
}

const SEX_WORDS: Readonly<Record<string, Sex>> = { L: 'M', LAKILAKI: 'M', PRIA: 'M', M: 'M', MALE: 'M', P: 'F', PEREMPUAN: 'F', WANITA: 'F', F: 'F', FEMALE: 'F' };

const EDUCATION_WORDS: ReadonlyMap<string, (typeof EDUCATION_LEVELS)[number]> = new Map([
  ...EDUCATION_LEVELS.map((e) => [e, e] as const),
  ['SMP', 'SLTP'],
  ['MTS', 'SLTP'],
  ['SMA', 'SLTA'],
  ['SMK', 'SLTA'],
  ['MA', 'SLTA'],
  ['TIDAKSEKOLAH', 'NONE'],
]);

const ROUTE_WORDS: ReadonlyMap<string, Route> = new Map(ROUTES.map((r) => [compactKey(r), r] as const));

const OCCUPATION_WORDS: ReadonlyMap<string, Occupation> = new Map(
  OCCUPATIONS.flatMap((o) => [o, OCCUPATION_LABELS[o].id, OCCUPATION_LABELS[o].en].map((w) => [compactKey(w), o] as const)),
);

/** A NIK Excel turned into a number, or into scientific notation when saved as CSV (3.67301E+15). */
const SCIENTIFIC = /^\d+(?:[.,]\d+)?E\+?\d+$/i;

function tooLong(cell: ImportCell): boolean {
  return cell.kind === 'text' && cell.text.length > MAX_CELL_LENGTH;
}

class RowChecker {
  readonly problems: ImportProblem[] = [];
  constructor(
    readonly row: RowInput,
    readonly header: HeaderMap,
  ) {}

  column(field: ImportField): string | null {
    return this.header.headerOf.get(field) ?? null;
  }

  add(field: ImportField | null, code: RowProblemCode): undefined {
    this.problems.push(rowProblem(this.row.rowNumber, field ? this.column(field) : null, code));
    return undefined;
  }

  /** The usable cell of a field: empty when absent; undefined (with a problem) when it is a formula, an error or too long. */
  cell(field: ImportField): ImportCell | undefined {
    for (const [index, f] of this.header.fields) {
      if (f !== field) continue;
      const cell = this.row.cells[index] ?? EMPTY_CELL;
      if (cell.kind === 'formula') return this.add(field, 'IMPORT.FORMULA_NOT_ALLOWED');
      if (cell.kind === 'error') return this.add(field, 'IMPORT.CELL_ERROR');
      if (tooLong(cell)) return undefined; // reported once for every cell (validateRow)
      return cell;
    }
    return EMPTY_CELL;
  }

  /** Reports IMPORT.REQUIRED_VALUE for an empty cell of a required column. */
  missing(field: ImportField): undefined {
    if (COLUMN_SPECS.some((s) => s.field === field && s.required)) this.add(field, 'IMPORT.REQUIRED_VALUE');
    return undefined;
  }

  /** The trimmed text of a field; undefined when empty (IMPORT.REQUIRED_VALUE when the column is required). */
  text(field: ImportField, given?: ImportCell): string | undefined {
    const cell = given ?? this.cell(field);
    if (cell === undefined) return undefined;
    const text = cellText(cell);
    return text === undefined || text === '' ? this.missing(field) : text;
  }

  date(field: ImportField): IsoDate | undefined {
    const cell = this.cell(field);
    if (cell === undefined) return undefined;
    if (cell.kind === 'empty') return this.missing(field);
    const d = parseDateCell(cell);
    return d.ok ? d.date : this.add(field, d.code);
  }

  choice<T>(field: ImportField, words: ReadonlyMap<string, T> | Readonly<Record<string, T>>, code: RowProblemCode): T | undefined {
    const text = this.text(field);
    if (text === undefined) return undefined;
    const key = compactKey(text);
    const value = words instanceof Map ? words.get(key) : (words as Readonly<Record<string, T>>)[key];
    return value ?? this.add(field, code);
  }

  nik(): string | undefined {
    const cell = this.cell('nik');
    if (cell === undefined) return undefined;
    if (cell.kind === 'number') return this.add('nik', 'IMPORT.NIK_NOT_TEXT');
    const text = this.text('nik', cell);
    return text !== undefined && SCIENTIFIC.test(text) ? this.add('nik', 'IMPORT.NIK_NOT_TEXT') : text;
  }

  integer(field: ImportField): number | undefined {
    const text = this.text(field);
    if (text === undefined) return undefined;
    return /^\d{1,6}$/.test(text) ? Number(text) : this.add(field, 'IMPORT.INVALID_NUMBER');
  }
}

/** The address columns; an unknown kecamatan is refused when the city is Kota Serang or not given. */
function addressOf(c: RowChecker): CandidateProfile['address'] | undefined {
  const kecamatan = c.text('kecamatan');
  const kelurahan = c.text('kelurahan');
  const city = c.text('city');
  if (kecamatan !== undefined && (city === undefined || classifyCityName(city) === 'KOTA_SERANG') && !normalizeKotaSerangKecamatan(kecamatan)) {
    return c.add('kecamatan', 'IMPORT.UNKNOWN_KECAMATAN');
  }
  if (kecamatan === undefined && kelurahan === undefined && city === undefined) return undefined;
  return { ...(kecamatan !== undefined ? { kecamatan } : {}), ...(kelurahan !== undefined ? { kelurahan } : {}), ...(city !== undefined ? { city } : {}) };
}

/** The profile as the row states it (only values that could be read; the domain checks the rest). */
function rawProfile(c: RowChecker): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const put = (key: string, value: unknown): void => {
    if (value !== undefined) out[key] = value;
  };
  put('nik', c.nik());
  put('declaredBirthDate', c.date('birthDate'));
  put('declaredSex', c.choice('sex', SEX_WORDS, 'IMPORT.INVALID_SEX'));
  put('address', addressOf(c));
  put('education', c.choice('education', EDUCATION_WORDS, 'IMPORT.INVALID_CHOICE'));
  put('bpjsNumber', c.text('bpjsNumber'));
  const score = c.integer('epsTopikScore');
  const takenOn = c.date('epsTopikDate');
  if (score !== undefined || takenOn !== undefined) put('epsTopikResults', [{ ...(takenOn !== undefined ? { takenOn } : {}), ...(score !== undefined ? { score } : {}) }]);
  return out;
}

/** The column of a domain issue, from its profile path. */
function fieldOfPath(path: readonly string[] | undefined): ImportField | null {
  const [head, ...rest] = path ?? [];
  switch (head) {
    case 'nik':
      return 'nik';
    case 'declaredBirthDate':
      return 'birthDate';
    case 'declaredSex':
      return 'sex';
    case 'address':
      return rest[0] === 'kelurahan' ? 'kelurahan' : rest[0] === 'city' ? 'city' : 'kecamatan';
    case 'education':
      return 'education';
    case 'bpjsNumber':
      return 'bpjsNumber';
    case 'epsTopikResults':
      return rest[rest.length - 1] === 'takenOn' ? 'epsTopikDate' : 'epsTopikScore';
    default:
      return null;
  }
}

function domainProblem(c: RowChecker, issue: DomainErrorData): ImportProblem {
  const field = fieldOfPath(issue.path);
  return {
    row: c.row.rowNumber,
    column: field ? c.column(field) : null,
    code: issue.code,
    message: issue.message,
    ...(issue.details ? { details: issue.details as ImportProblem['details'] } : {}),
  };
}

/** What is wrong with a row as a spreadsheet row, whatever it imports: cells beyond the header, over-long cells. */
export function sheetRowProblems(row: RowInput, header: Pick<HeaderMap<string>, 'columnCount' | 'headers'>): ImportProblem[] {
  const out: ImportProblem[] = [];
  if (row.cells.slice(header.columnCount).some((cell) => cell.kind !== 'empty')) out.push(rowProblem(row.rowNumber, null, 'IMPORT.EXTRA_CELLS'));
  row.cells.forEach((cell, index) => {
    if (tooLong(cell)) out.push(rowProblem(row.rowNumber, header.headers[index] || null, 'IMPORT.CELL_TOO_LONG'));
  });
  return out;
}

/** Validate one row against the header on `asOf` (see the module comment). */
export function validateRow(row: RowInput, header: HeaderMap, asOf: IsoDate): ValidatedRow {
  const c = new RowChecker(row, header);
  c.problems.push(...sheetRowProblems(row, header));
  const raw = rawProfile(c);
  const targetRoute = c.choice('route', ROUTE_WORDS, 'IMPORT.INVALID_CHOICE') ?? null;
  const targetOccupation = c.choice('occupation', OCCUPATION_WORDS, 'IMPORT.INVALID_CHOICE') ?? null;
  const note = c.text('note') ?? null;
  for (const issue of listCandidateProfileIssues(raw, { asOf, nikCheck: 'FULL' })) c.problems.push(domainProblem(c, issue));
  if (c.problems.length > 0) return { rowNumber: row.rowNumber, problems: c.problems };
  const clean = validateCandidateProfile(raw, { asOf, nikCheck: 'FULL' });
  if (!clean.ok) return { rowNumber: row.rowNumber, problems: [domainProblem(c, clean.error)] };
  const profile = clean.value;
  const nik = profile.nik;
  if (nik !== undefined) {
    const consistency = checkNikAgainstDeclared(nik, {
      ...(profile.declaredBirthDate ? { birthDate: profile.declaredBirthDate } : {}),
      ...(profile.declaredSex ? { sex: profile.declaredSex } : {}),
    });
    if (!consistency.ok) return { rowNumber: row.rowNumber, nik, problems: [domainProblem(c, consistency.error)] };
  }
  return { rowNumber: row.rowNumber, ...(nik !== undefined ? { nik } : {}), candidate: { profile, targetRoute, targetOccupation, note }, problems: [] };
}

/** A valid NIK from a row with other problems, for duplicate detection within the file. */
export function rowNik(row: RowInput, header: HeaderMap): string | undefined {
  for (const [index, f] of header.fields) {
    if (f !== 'nik') continue;
    const cell = row.cells[index];
    const text = cell?.kind === 'text' ? cell.text.replace(/[\s.\-]/g, '') : undefined;
    return text !== undefined && /^\d{16}$/.test(text) ? text : undefined;
  }
  return undefined;
}
