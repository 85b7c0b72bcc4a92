/**
 * The columns of a candidate import and how a header row is read. Headers are matched on their
 * letters and digits only, case and accents ignored ("Tanggal Lahir", "TANGGAL_LAHIR", "tanggal
 * lahir", "Birth date", "birth_date" all name the birth date). The template writes the Bahasa
 * Indonesia header; the English one, and the aliases listed, are accepted too.
 */
import { compactKey } from './cells';
import { MAX_COLUMNS } from './limits';
import { ImportFileError, notice, type ImportNotice } from './problems';

export const IMPORT_FIELDS = [
  'nik',
  'name',
  'birthDate',
  'sex',
  'kecamatan',
  'kelurahan',
  'city',
  'education',
  'route',
  'occupation',
  'bpjsNumber',
  'epsTopikScore',
  'epsTopikDate',
  'note',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ColumnSpec<F extends string = ImportField> {
  readonly field: F;
  /** The template's header (Bahasa Indonesia). */
  readonly header: string;
  /** The English header. */
  readonly english: string;
  readonly aliases: readonly string[];
  /** The column must be in the header row, and its cell filled on every row. */
  readonly required: boolean;
  /** What the cell holds, for the template's instructions sheet. */
  readonly format: { readonly id: string; readonly en: string };
  /** The column is recognised but its content is not stored (a notice says so). */
  readonly notStored?: boolean;
}

export const COLUMN_SPECS: readonly ColumnSpec[] = [
  { field: 'nik', header: 'NIK', english: 'NIK', aliases: ['No NIK', 'Nomor NIK', 'No KTP', 'National ID'], required: true, format: { id: '16 angka, kolom bertipe Teks', en: '16 digits, a Text column' } },
  { field: 'name', header: 'Nama', english: 'Name', aliases: ['Nama Lengkap', 'Full name'], required: false, format: { id: 'tidak disimpan', en: 'not stored' }, notStored: true },
  { field: 'birthDate', header: 'Tanggal Lahir', english: 'Birth date', aliases: ['Tgl Lahir', 'Date of birth', 'DOB'], required: true, format: { id: 'TTTT-BB-HH atau HH/BB/TTTT', en: 'YYYY-MM-DD or DD/MM/YYYY' } },
  { field: 'sex', header: 'Jenis Kelamin', english: 'Sex', aliases: ['JK', 'L/P', 'Gender'], required: true, format: { id: 'L atau P (juga M/F)', en: 'L or P (M/F accepted)' } },
  { field: 'kecamatan', header: 'Kecamatan', english: 'Kecamatan', aliases: ['District', 'Kec'], required: true, format: { id: 'kecamatan pada KTP/KK', en: 'kecamatan on the KTP/KK' } },
  { field: 'kelurahan', header: 'Kelurahan', english: 'Kelurahan', aliases: ['Desa', 'Kelurahan/Desa', 'Village'], required: false, format: { id: 'kelurahan/desa pada KTP/KK', en: 'kelurahan/village on the KTP/KK' } },
  { field: 'city', header: 'Kabupaten/Kota', english: 'City', aliases: ['Kota', 'Kabupaten', 'Regency', 'Regency/City'], required: false, format: { id: 'mis. Kota Serang', en: 'e.g. Kota Serang' } },
  { field: 'education', header: 'Pendidikan', english: 'Education', aliases: ['Pendidikan Terakhir'], required: false, format: { id: 'NONE, SD, SLTP, SLTA, D3, S1, S2, S3 (juga SMP, SMA, SMK)', en: 'NONE, SD, SLTP, SLTA, D3, S1, S2, S3 (SMP, SMA, SMK accepted)' } },
  { field: 'route', header: 'Rute', english: 'Route', aliases: ['Target Rute', 'Target route', 'Skema'], required: false, format: { id: 'E9, E7_3, E7_3_PILOT, E8', en: 'E9, E7_3, E7_3_PILOT, E8' } },
  { field: 'occupation', header: 'Jabatan', english: 'Occupation', aliases: ['Target Jabatan', 'Target occupation', 'Pekerjaan'], required: false, format: { id: 'kode jabatan (mis. WELDER) atau namanya (Juru las)', en: 'occupation code (e.g. WELDER) or its name (Welder)' } },
  { field: 'bpjsNumber', header: 'Nomor BPJS Ketenagakerjaan', english: 'BPJS number', aliases: ['No BPJS', 'Nomor BPJS', 'BPJS'], required: false, format: { id: 'angka', en: 'digits' } },
  { field: 'epsTopikScore', header: 'Nilai EPS-TOPIK', english: 'EPS-TOPIK score', aliases: ['Skor EPS-TOPIK'], required: false, format: { id: 'bilangan bulat, bersama Tanggal EPS-TOPIK', en: 'whole number, with the EPS-TOPIK date' } },
  { field: 'epsTopikDate', header: 'Tanggal EPS-TOPIK', english: 'EPS-TOPIK date', aliases: ['Tgl EPS-TOPIK'], required: false, format: { id: 'TTTT-BB-HH atau HH/BB/TTTT', en: 'YYYY-MM-DD or DD/MM/YYYY' } },
  { field: 'note', header: 'Catatan', english: 'Note', aliases: ['Keterangan'], required: false, format: { id: 'catatan pendaftaran (riwayat tahap)', en: 'registration note (stage history)' } },
];

function keyMap<F extends string>(specs: readonly ColumnSpec<F>[]): ReadonlyMap<string, ColumnSpec<F>> {
  return new Map(specs.flatMap((spec) => [spec.header, spec.english, ...spec.aliases].map((h) => [compactKey(h), spec] as const)));
}

const BY_KEY: ReadonlyMap<string, ColumnSpec> = keyMap(COLUMN_SPECS);

/** The column a header names, or undefined. */
export function columnFor(header: string): ColumnSpec | undefined {
  const key = compactKey(header);
  return key === '' ? undefined : BY_KEY.get(key);
}

export interface HeaderMap<F extends string = ImportField> {
  /** Cell index → field, for the recognised columns. */
  readonly fields: ReadonlyMap<number, F>;
  /** Field → the header as written in the file. */
  readonly headerOf: ReadonlyMap<F, string>;
  readonly columnCount: number;
  /** The header row as written (index → header). */
  readonly headers: readonly string[];
  readonly notices: readonly ImportNotice[];
}

/**
 * Read the header row. Throws `ImportFileError`: `IMPORT.TOO_MANY_COLUMNS`, `IMPORT.DUPLICATE_COLUMN`
 * (details: both headers), `IMPORT.MISSING_COLUMNS` (details: the template headers missing).
 * Unknown columns become notices (their cells are ignored); so does the name column (not stored).
 */
export function mapHeaders(headers: readonly string[]): HeaderMap {
  return mapHeadersFor(headers, COLUMN_SPECS, BY_KEY);
}

/**
 * `mapHeaders` for any import kind's columns (the training imports: training-columns.ts).
 * `oneOf`: groups of columns of which at least one must be present (e.g. NIK or candidate id);
 * a missing group is reported as `IMPORT.MISSING_COLUMNS` with its headers joined by " / ".
 */
export function mapHeadersFor<F extends string>(
  headers: readonly string[],
  specs: readonly ColumnSpec<F>[],
  byKey: ReadonlyMap<string, ColumnSpec<F>> = keyMap(specs),
  oneOf: readonly (readonly F[])[] = [],
): HeaderMap<F> {
  if (headers.length > MAX_COLUMNS) throw new ImportFileError('IMPORT.TOO_MANY_COLUMNS', { columns: headers.length, max: MAX_COLUMNS });
  const fields = new Map<number, F>();
  const headerOf = new Map<F, string>();
  const notices: ImportNotice[] = [];
  headers.forEach((raw, index) => {
    const header = raw.trim();
    if (header === '') return;
    const key = compactKey(header);
    const spec = key === '' ? undefined : byKey.get(key);
    if (!spec) {
      notices.push(notice(header, 'IMPORT.UNKNOWN_COLUMN'));
      return;
    }
    const earlier = headerOf.get(spec.field);
    if (earlier !== undefined) throw new ImportFileError('IMPORT.DUPLICATE_COLUMN', { first: earlier, second: header });
    fields.set(index, spec.field);
    headerOf.set(spec.field, header);
    if (spec.notStored) notices.push(notice(header, 'IMPORT.COLUMN_NOT_STORED'));
  });
  const missing = specs.filter((s) => s.required && !headerOf.has(s.field)).map((s) => s.header);
  for (const group of oneOf) {
    if (!group.some((f) => headerOf.has(f))) missing.push(group.map((f) => specs.find((s) => s.field === f)?.header ?? f).join(' / '));
  }
  if (missing.length > 0) throw new ImportFileError('IMPORT.MISSING_COLUMNS', { missing: missing.join(', ') });
  return { fields, headerOf, columnCount: headers.length, headers: headers.map((h) => h.trim()), notices };
}

/** The key map of a kind's columns, built once. */
export function columnKeys<F extends string>(specs: readonly ColumnSpec<F>[]): ReadonlyMap<string, ColumnSpec<F>> {
  return keyMap(specs);
}
