/** Streaming CSV / XLSX exports (issue 11): plans per kind, the runner, the writers. */
export { candidateExportPlan, CANDIDATE_FILTERS } from './candidates';
export { openingExportPlan, OPENING_FILTERS } from './openings';
export { EXPORT_FORMATS, EXPORT_KINDS, type ExportFormat, type ExportKind, type ExportPlan } from './plan';
export { runExport, EXPORT_PAGE_SIZE, type ExportRun } from './run-export';
export { metadataJson, metadataRows, filtersText, DATA_SOURCE, type ExportMeta } from './meta';
export { escapeSpreadsheetCell } from '../import/escape-cell';
export { ExportAbortedError } from './writers';
export { aggregateFields, checkAggregateDocument, tableOf, variablesAsFilters, MAX_AGGREGATE_ROWS, type AggregateTable } from './aggregate';
export { runAggregateExport } from './aggregate-run';
