/** Spreadsheet import of candidates (issue 11): see import-candidates.ts and cli/import.ts. */
export { escapeSpreadsheetCell } from './escape-cell';
export { commitCandidateImport, importCandidates, readCandidateFile, type CommitDeps, type ReadFile } from './import-candidates';
export { ImportFileError, type ImportNotice, type ImportProblem } from './problems';
export { exitCodeOf, formatReport, type ImportKind, type ImportMode, type ImportOutcome, type ImportReport } from './report';
export {
  commitAttendanceImport,
  commitTestResultImport,
  readAttendanceFile,
  readTestResultFile,
  type AttendanceFile,
  type TestResultFile,
  type TrainingCommitDeps,
} from './import-training';
export { templateCsv, templateXlsx, writeTemplate } from './template';
export { COLUMN_SPECS } from './columns';
export * from './limits';
