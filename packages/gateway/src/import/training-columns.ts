/**
 * The columns of the training imports (issue 11 with issue 10): a cohort's attendance, one row per
 * member and session, and official Korean test results, one row per result. Headers are matched as
 * for candidates (columns.ts: letters and digits only, case and accents ignored); the template writes
 * the Bahasa Indonesia header, the English one and the aliases are accepted too. A member is named by
 * NIK or by candidate id (at least one of the two columns; both given must agree); a session by its
 * number or its date (at least one; both given must agree).
 *
 * Attendance marks (case, spaces and accents ignored):
 * - PRESENT: PRESENT, HADIR, H;
 * - ABSENT: ABSENT, ALPA, ALFA, ALPHA, A, TIDAK HADIR, MANGKIR;
 * - EXCUSED: EXCUSED, IZIN, IJIN, I, SAKIT, S (a sick day is an excused absence, as on an Indonesian
 *   class register's H/S/I/A).
 * Tests: EPS_TOPIK (EPS-TOPIK, EPS), TOPIK_I (TOPIK I, TOPIK 1), TOPIK_II (TOPIK II, TOPIK 2),
 * PILOT_KOREAN (PILOT). Yes/no: YA/TIDAK, Y/N, YES/NO, TRUE/FALSE, LULUS/TIDAK LULUS, 1/0.
 */
import type { AttendanceMark, PracticeTest } from '../domain';
import { compactKey } from './cells';
import { columnKeys, type ColumnSpec } from './columns';

const MEMBER_COLUMNS = [
  { field: 'nik', header: 'NIK', english: 'NIK', aliases: ['No NIK', 'Nomor NIK', 'No KTP', 'National ID'], required: false, format: { id: '16 angka (atau isi ID Kandidat)', en: '16 digits (or fill the candidate id)' } },
  { field: 'candidateId', header: 'ID Kandidat', english: 'Candidate id', aliases: ['ID Calon', 'Candidate', 'CandidateId'], required: false, format: { id: 'UUID kandidat dari aplikasi (atau isi NIK)', en: 'the candidate’s UUID from the application (or fill the NIK)' } },
  { field: 'name', header: 'Nama', english: 'Name', aliases: ['Nama Lengkap', 'Full name'], required: false, format: { id: 'tidak disimpan', en: 'not stored' }, notStored: true },
] as const;

export const ATTENDANCE_FIELDS = ['nik', 'candidateId', 'name', 'sessionNumber', 'sessionDate', 'mark'] as const;
export type AttendanceField = (typeof ATTENDANCE_FIELDS)[number];

export const ATTENDANCE_COLUMNS: readonly ColumnSpec<AttendanceField>[] = [
  ...MEMBER_COLUMNS,
  { field: 'sessionNumber', header: 'Sesi', english: 'Session', aliases: ['Nomor Sesi', 'Session number', 'Pertemuan', 'Pertemuan ke'], required: false, format: { id: 'nomor sesi kelas: 1, 2, 3, … (atau isi Tanggal Sesi)', en: 'the cohort’s session number: 1, 2, 3, … (or fill the session date)' } },
  { field: 'sessionDate', header: 'Tanggal Sesi', english: 'Session date', aliases: ['Tanggal', 'Date', 'Tgl Sesi'], required: false, format: { id: 'TTTT-BB-HH atau HH/BB/TTTT (atau isi Sesi)', en: 'YYYY-MM-DD or DD/MM/YYYY (or fill the session)' } },
  { field: 'mark', header: 'Kehadiran', english: 'Mark', aliases: ['Attendance', 'Presensi', 'Absensi', 'Status Kehadiran'], required: true, format: { id: 'HADIR, ALPA, IZIN (SAKIT = IZIN; juga PRESENT, ABSENT, EXCUSED, H/A/I/S)', en: 'PRESENT, ABSENT, EXCUSED (HADIR, ALPA, IZIN, SAKIT = excused, H/A/I/S accepted)' } },
];
export const ATTENDANCE_ONE_OF: readonly (readonly AttendanceField[])[] = [
  ['nik', 'candidateId'],
  ['sessionNumber', 'sessionDate'],
];
export const ATTENDANCE_KEYS = columnKeys(ATTENDANCE_COLUMNS);

export const TEST_RESULT_FIELDS = ['nik', 'candidateId', 'name', 'test', 'takenOn', 'score', 'level', 'speakingPassed', 'round'] as const;
export type TestResultField = (typeof TEST_RESULT_FIELDS)[number];

export const TEST_RESULT_COLUMNS: readonly ColumnSpec<TestResultField>[] = [
  ...MEMBER_COLUMNS,
  { field: 'test', header: 'Ujian', english: 'Test', aliases: ['Jenis Ujian', 'Test kind'], required: true, format: { id: 'EPS_TOPIK, TOPIK_I, TOPIK_II, PILOT_KOREAN', en: 'EPS_TOPIK, TOPIK_I, TOPIK_II, PILOT_KOREAN' } },
  { field: 'takenOn', header: 'Tanggal Ujian', english: 'Test date', aliases: ['Tgl Ujian', 'Taken on', 'Tanggal', 'Date'], required: true, format: { id: 'TTTT-BB-HH atau HH/BB/TTTT', en: 'YYYY-MM-DD or DD/MM/YYYY' } },
  { field: 'score', header: 'Nilai', english: 'Score', aliases: ['Skor', 'Points'], required: false, format: { id: 'poin, bilangan bulat (EPS_TOPIK, TOPIK_I, TOPIK_II)', en: 'points, a whole number (EPS_TOPIK, TOPIK_I, TOPIK_II)' } },
  { field: 'level', header: 'Level', english: 'Level', aliases: ['Tingkat'], required: false, format: { id: 'level skala TOPIK, bilangan bulat (PILOT_KOREAN)', en: 'a TOPIK-scale level, a whole number (PILOT_KOREAN)' } },
  { field: 'speakingPassed', header: 'Lulus Berbicara', english: 'Speaking passed', aliases: ['Berbicara', 'Speaking'], required: false, format: { id: 'YA atau TIDAK (PILOT_KOREAN)', en: 'YES or NO (PILOT_KOREAN)' } },
  { field: 'round', header: 'Putaran', english: 'Round', aliases: ['Gelombang', 'EPS round'], required: false, format: { id: 'putaran EPS-TOPIK, boleh kosong (EPS_TOPIK)', en: 'the EPS-TOPIK round, may be empty (EPS_TOPIK)' } },
];
export const TEST_RESULT_ONE_OF: readonly (readonly TestResultField[])[] = [['nik', 'candidateId']];
export const TEST_RESULT_KEYS = columnKeys(TEST_RESULT_COLUMNS);

const words = <T>(entries: ReadonlyArray<readonly [string, T]>): ReadonlyMap<string, T> => new Map(entries.map(([w, v]) => [compactKey(w), v] as const));

export const MARK_WORDS: ReadonlyMap<string, AttendanceMark> = words<AttendanceMark>([
  ['PRESENT', 'PRESENT'],
  ['HADIR', 'PRESENT'],
  ['H', 'PRESENT'],
  ['ABSENT', 'ABSENT'],
  ['ALPA', 'ABSENT'],
  ['ALFA', 'ABSENT'],
  ['ALPHA', 'ABSENT'],
  ['A', 'ABSENT'],
  ['TIDAK HADIR', 'ABSENT'],
  ['MANGKIR', 'ABSENT'],
  ['EXCUSED', 'EXCUSED'],
  ['IZIN', 'EXCUSED'],
  ['IJIN', 'EXCUSED'],
  ['I', 'EXCUSED'],
  ['SAKIT', 'EXCUSED'],
  ['S', 'EXCUSED'],
]);

export const TEST_WORDS: ReadonlyMap<string, PracticeTest> = words<PracticeTest>([
  ['EPS_TOPIK', 'EPS_TOPIK'],
  ['EPS', 'EPS_TOPIK'],
  ['TOPIK_I', 'TOPIK_I'],
  ['TOPIK 1', 'TOPIK_I'],
  ['TOPIK_II', 'TOPIK_II'],
  ['TOPIK 2', 'TOPIK_II'],
  ['PILOT_KOREAN', 'PILOT_KOREAN'],
  ['PILOT', 'PILOT_KOREAN'],
]);

export const YES_NO_WORDS: ReadonlyMap<string, boolean> = words<boolean>([
  ['YA', true],
  ['Y', true],
  ['YES', true],
  ['TRUE', true],
  ['LULUS', true],
  ['1', true],
  ['TIDAK', false],
  ['N', false],
  ['NO', false],
  ['FALSE', false],
  ['TIDAK LULUS', false],
  ['0', false],
]);
