/** What an export says about itself: the XLSX `Metadata` sheet, the CSV's headers or sidecar. */
import type { ExportFormat, ExportKind } from './plan';

export const DATA_SOURCE = 'Jembatan';

export interface ExportMeta {
  /** `candidates`, `openings`, `cohorts`, `class-list`, or `aggregate:<field>` (export/aggregate.ts). */
  readonly kind: ExportKind | 'cohorts' | 'class-list' | `aggregate:${string}`;
  readonly format: ExportFormat;
  /** The principal's subject (`apiKey:<keyId>`, `jwt:<sub>`, `cli:<user>`), never a credential. */
  readonly exportedBy: string;
  readonly roles: readonly string[];
  readonly exportedAt: Date;
  /** The program's date (WIB) the age bands are computed on. */
  readonly asOf: string;
  readonly city: string;
  readonly filters: Readonly<Record<string, readonly string[]>>;
  readonly options: Readonly<Record<string, string | boolean>>;
  /** Rows in the file (counted in the same snapshot the rows are read from). */
  readonly rowCount: number;
  readonly columns: readonly string[];
  readonly disclosure: string;
  readonly source: typeof DATA_SOURCE;
  readonly requestId?: string;
  /** An aggregate's own figures beside its rows (totals, `asOf`), and the lists it left out. */
  readonly summary?: Readonly<Record<string, string | number | boolean | null>>;
  readonly notExported?: readonly string[];
}

export function filtersText(filters: ExportMeta['filters']): string {
  const parts = Object.entries(filters).map(([k, v]) => `${k}=${v.join(',')}`);
  return parts.length ? parts.join('; ') : 'none (every row the caller may see)';
}

export function metadataRows(meta: ExportMeta): Array<[string, string | number | Date]> {
  return [
    ['data_source', `data source: ${meta.source}`],
    ['export', meta.kind],
    ['format', meta.format],
    ['exported_by', meta.exportedBy],
    ['roles', meta.roles.join(', ')],
    ['exported_at', meta.exportedAt],
    ['as_of', meta.asOf],
    ['city', meta.city],
    ['filters', filtersText(meta.filters)],
    ['options', Object.entries(meta.options).map(([k, v]) => `${k}=${String(v)}`).join('; ') || 'none'],
    ['row_count', meta.rowCount],
    ['columns', meta.columns.join(', ')],
    ['disclosure', meta.disclosure],
    ...(meta.requestId ? ([['request_id', meta.requestId]] as Array<[string, string]>) : []),
    ...Object.entries(meta.summary ?? {}).map(([k, v]): [string, string | number] => [`result_${k}`, v === null ? 'null (suppressed or none)' : typeof v === 'number' ? v : String(v)]),
    ...(meta.notExported?.length ? ([['not_exported', meta.notExported.join(', ')]] as Array<[string, string]>) : []),
  ];
}

/** The metadata as JSON (CLI sidecar `<file>.meta.json`). */
export function metadataJson(meta: ExportMeta): Record<string, unknown> {
  return { ...meta, exportedAt: meta.exportedAt.toISOString() };
}
