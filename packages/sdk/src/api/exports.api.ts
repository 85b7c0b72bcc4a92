import type { Messages } from '@jembatan/domain';
import type { RequestOptions } from '../client/create-client.js';
import type { Download, DownloadResult } from '../client/download.js';
import { prepareOperation, type RequestDocument } from '../client/operation.js';
import { isJembatanError, JembatanError } from '../errors/jembatan-error.js';
import type { CandidateFilter, JobOpeningFilter, TrainingCohortFilter } from '../generated/graphql.js';

/**
 * CSV / XLSX downloads beside the GraphQL endpoint (`GET /exports/<kind>.<format>`, issue 11): what the
 * caller sees through GraphQL, with the same roles, masking and disclosure control. The SDK cannot
 * import the gateway: the parameters and headers below mirror `packages/gateway/src/http/exports-route.ts`.
 */
export type ExportFormat = 'csv' | 'xlsx';

/** The metadata of a download, from the response headers (an XLSX also carries it in its `Metadata` sheet). */
export interface ExportMetadata {
  /** `X-Jembatan-Export-Rows`: the rows in the file. */
  readonly rows: number | null;
  /** `X-Jembatan-Export-Filters`, as the gateway wrote them (`stage=REGISTERED,TRAINING; …`). */
  readonly filters: string | null;
  /** `X-Jembatan-Export-Disclosure`: the rows' scope, masking and disclosure control applied, in words. */
  readonly disclosure: string | null;
  /** `X-Jembatan-Export-Exported-At` (ISO instant). */
  readonly exportedAt: string | null;
  /** `X-Jembatan-Export-Exported-By`: the credential's subject (`apiKey:<id>`). */
  readonly exportedBy: string | null;
  /** `X-Jembatan-Data-Source`. */
  readonly dataSource: string | null;
  /** `X-Jembatan-Export-Summary` of an aggregate (its totals, `asOf`), `key=value; …`; null when absent. */
  readonly summary: string | null;
  /** `X-Jembatan-Export-Not-Exported` of an aggregate: the lists left out of the table. */
  readonly notExported: readonly string[];
}

export interface ExportFile {
  readonly format: ExportFormat;
  /** From `Content-Disposition` (`jembatan-candidates-2026-12-03.xlsx`). */
  readonly filename: string;
  readonly contentType: string;
  readonly metadata: ExportMetadata;
  /** The gateway's request id (`x-request-id`), to quote. */
  readonly requestId?: string;
}

/** A download read to the end. */
export interface ExportDownload extends ExportFile {
  readonly bytes: Uint8Array;
}

/** A download whose body the caller reads (large exports): a web `ReadableStream` of the file's bytes. */
export interface ExportStream extends ExportFile {
  readonly body: ReadableStream<Uint8Array>;
}

/** Options of every download. The timeout covers the last byte: pass `timeoutMs: Infinity` for a large export. */
export interface ExportOptions extends RequestOptions {
  readonly format: ExportFormat;
  /** true: resolve as soon as the gateway starts sending, with `body` to read (pipe it to a file). Default false: `bytes`. */
  readonly stream?: boolean;
}

/** The candidate list's filter (stages, kecamatan, occupations, routes, eligibility, and the date ranges). */
export interface CandidateExportOptions extends ExportOptions {
  readonly filter?: CandidateFilter;
  /** The display NIK (`3673********0001`), no birth date, no kelurahan: for a sheet that is passed on. */
  readonly mask?: boolean;
  /** Sensitive column groups, left out unless asked for (not with `mask`). */
  readonly include?: readonly ('health' | 'criminal')[];
}

/** The filters `/exports/openings.*` takes (not `mouId` / `employerPartyId`). */
export type OpeningExportFilter = Pick<JobOpeningFilter, 'statuses' | 'routes' | 'occupations'>;

export interface OpeningExportOptions extends ExportOptions {
  readonly filter?: OpeningExportFilter;
}

export interface CohortExportOptions extends ExportOptions {
  /** The catalogue's filter; `providerPartyIds` with at most one id (the route takes one provider). */
  readonly filter?: TrainingCohortFilter;
}

export interface AggregateExportOptions<TVariables> extends ExportOptions {
  readonly variables?: TVariables;
  /** Which operation of a document with several. */
  readonly operationName?: string;
}

type Streamed<O extends ExportOptions> = O & { readonly stream: true };
type Buffered<O extends ExportOptions> = O & { readonly stream?: false };

/** Downloads (staff credentials; an ANALYST downloads aggregates only). */
export interface ExportsApi {
  /**
   * The candidate list as CSV / XLSX: OFFICER and ADMIN every candidate, PARTNER those placed under its
   * MoUs, CANDIDATE their own record; ANALYST is refused (`FORBIDDEN`, `errorReason(e)` `ANALYST_USE_AGGREGATES`).
   * @example const file = await client.exports.candidates({ format: 'xlsx', filter: { stages: ['REGISTERED'], registered: { from: '2026-01-01', to: '2026-03-31' } } });
   */
  candidates(options: Streamed<CandidateExportOptions>): Promise<ExportStream>;
  candidates(options: Buffered<CandidateExportOptions>): Promise<ExportDownload>;
  /** Job openings: staff every status, anybody else the published ones. */
  openings(options: Streamed<OpeningExportOptions>): Promise<ExportStream>;
  openings(options: Buffered<OpeningExportOptions>): Promise<ExportDownload>;
  /** The training cohort catalogue (any authenticated caller). */
  cohorts(options: Streamed<CohortExportOptions>): Promise<ExportStream>;
  cohorts(options: Buffered<CohortExportOptions>): Promise<ExportDownload>;
  /** One cohort's class list (OFFICER, or a TRAINER of its provider); `NOT_FOUND` for an unknown cohort. */
  classList(cohortId: string, options: Streamed<ExportOptions>): Promise<ExportStream>;
  classList(cohortId: string, options: Buffered<ExportOptions>): Promise<ExportDownload>;
  /**
   * One aggregate's GraphQL query (a generated document or its text) as a table: exactly what `/graphql`
   * answers the caller (an ANALYST's file is the protected view). Refusals: `BAD_USER_INPUT` with
   * `exportErrorCode(e)` `EXPORT.NOT_AN_AGGREGATE`, `EXPORT.ONE_AGGREGATE`, `EXPORT.QUERY_INVALID`, …
   * @example await client.exports.aggregate(CandidateCountsDocument, { format: 'csv', variables: { groupBy: ['STAGE'] } })
   */
  aggregate<TResult, TVariables>(document: RequestDocument<TResult, TVariables>, options: Streamed<AggregateExportOptions<TVariables>>): Promise<ExportStream>;
  aggregate<TResult, TVariables>(document: RequestDocument<TResult, TVariables>, options: Buffered<AggregateExportOptions<TVariables>>): Promise<ExportDownload>;
}

/** The `EXPORT.*` code of a refused download (`extensions.domainCode` of its first error), or undefined. */
export function exportErrorCode(error: unknown): `EXPORT.${string}` | undefined {
  if (!isJembatanError(error)) return undefined;
  const raw = error.graphQLErrors[0]?.extensions['domainCode'];
  return typeof raw === 'string' && /^EXPORT\.[A-Z0-9_]+$/.test(raw) ? (raw as `EXPORT.${string}`) : undefined;
}

/**
 * `extensions.details.reason` of the first error (`ANALYST_USE_AGGREGATES`, `EXPORT_PARAMETER_UNKNOWN`,
 * `EXPORT_VALUE_UNKNOWN`, `CREDENTIAL_REQUIRED`, …), or undefined.
 */
export function errorReason(error: unknown): string | undefined {
  if (!isJembatanError(error)) return undefined;
  const ext = error.graphQLErrors[0]?.extensions;
  const details = ext?.['details'];
  const raw = typeof details === 'object' && details !== null ? (details as Record<string, unknown>)['reason'] : ext?.['reason'];
  return typeof raw === 'string' && /^[A-Z0-9_]{1,80}$/.test(raw) ? raw : undefined;
}

function invalid(operationName: string, messages: Messages): JembatanError {
  return new JembatanError({ code: 'INVALID_REQUEST', messages, operationName, operationType: 'query' });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `"a,b"` from a list of codes; refuses anything that is not a list of non-empty strings without commas. */
function codes(operationName: string, name: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.length > 0 && !v.includes(','))) {
    throw invalid(operationName, { id: `${name} harus daftar kode.`, en: `${name} must be a list of codes.` });
  }
  return value.length ? value.join(',') : undefined;
}

/** `from..to` of a date range (inclusive, YYYY-MM-DD). */
function range(operationName: string, name: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value) || typeof value.from !== 'string' || typeof value.to !== 'string' || !DATE.test(value.from) || !DATE.test(value.to)) {
    throw invalid(operationName, { id: `${name} harus { from, to } bertanggal YYYY-MM-DD.`, en: `${name} must be { from, to } as YYYY-MM-DD dates.` });
  }
  return `${value.from}..${value.to}`;
}

function text(operationName: string, name: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw invalid(operationName, { id: `${name} harus teks.`, en: `${name} must be text.` });
  return value;
}

/** A filter object with only `known` keys: an unknown filter is refused, never ignored (it would export more rows). */
function checkedFilter(operationName: string, filter: unknown, known: readonly string[]): Record<string, unknown> {
  if (filter === undefined || filter === null) return {};
  if (!isRecord(filter)) throw invalid(operationName, { id: 'filter harus objek.', en: 'filter must be an object.' });
  for (const [k, v] of Object.entries(filter)) {
    if (v !== undefined && v !== null && !known.includes(k)) {
      throw invalid(operationName, { id: `Filter ${k} tidak didukung ekspor ini; yang didukung: ${known.join(', ')}.`, en: `Filter ${k} is not supported by this export; supported: ${known.join(', ')}.` });
    }
  }
  return filter;
}

function put(query: Record<string, string>, name: string, value: string | undefined): void {
  if (value !== undefined) query[name] = value;
}

function checkFormat(operationName: string, options: unknown): ExportOptions {
  if (!isRecord(options) || (options.format !== 'csv' && options.format !== 'xlsx')) {
    throw invalid(operationName, { id: 'Sebutkan format: csv atau xlsx.', en: 'Give the format: csv or xlsx.' });
  }
  return options as unknown as ExportOptions;
}

function candidateExportQuery(options: CandidateExportOptions): Record<string, string> {
  const op = 'ExportCandidates';
  const f = checkedFilter(op, options.filter, ['stages', 'kecamatans', 'occupations', 'routes', 'eligibility', 'registered', 'departed', 'enteredStage']);
  const query: Record<string, string> = {};
  put(query, 'stage', codes(op, 'filter.stages', f.stages));
  put(query, 'kecamatan', codes(op, 'filter.kecamatans', f.kecamatans));
  put(query, 'occupation', codes(op, 'filter.occupations', f.occupations));
  put(query, 'route', codes(op, 'filter.routes', f.routes));
  put(query, 'eligibility', codes(op, 'filter.eligibility', f.eligibility));
  put(query, 'registered', range(op, 'filter.registered', f.registered));
  put(query, 'departed', range(op, 'filter.departed', f.departed));
  if (f.enteredStage !== undefined && f.enteredStage !== null) {
    const e = f.enteredStage as Record<string, unknown>;
    const stage = text(op, 'filter.enteredStage.stage', isRecord(e) ? e.stage : undefined);
    if (stage === undefined || stage.includes(':')) throw invalid(op, { id: 'filter.enteredStage harus { stage, from, to }.', en: 'filter.enteredStage must be { stage, from, to }.' });
    query.entered = `${stage}:${range(op, 'filter.enteredStage', e)!}`;
  }
  if (options.mask !== undefined && typeof options.mask !== 'boolean') throw invalid(op, { id: 'mask harus true atau false.', en: 'mask must be true or false.' });
  if (options.mask) query.mask = 'true';
  put(query, 'include', codes(op, 'include', options.include));
  return query;
}

function openingExportQuery(options: OpeningExportOptions): Record<string, string> {
  const op = 'ExportOpenings';
  const f = checkedFilter(op, options.filter, ['statuses', 'routes', 'occupations']);
  const query: Record<string, string> = {};
  put(query, 'status', codes(op, 'filter.statuses', f.statuses));
  put(query, 'route', codes(op, 'filter.routes', f.routes));
  put(query, 'occupation', codes(op, 'filter.occupations', f.occupations));
  return query;
}

function cohortExportQuery(options: CohortExportOptions): Record<string, string> {
  const op = 'ExportCohorts';
  const f = checkedFilter(op, options.filter, ['statuses', 'courseKinds', 'kecamatan', 'providerPartyIds', 'startsFrom', 'startsUntil']);
  const query: Record<string, string> = {};
  put(query, 'status', codes(op, 'filter.statuses', f.statuses));
  put(query, 'courseKind', codes(op, 'filter.courseKinds', f.courseKinds));
  put(query, 'kecamatan', text(op, 'filter.kecamatan', f.kecamatan));
  const providers = f.providerPartyIds;
  if (providers !== undefined && providers !== null) {
    if (!Array.isArray(providers) || providers.length > 1) {
      throw invalid(op, { id: 'filter.providerPartyIds: satu penyelenggara per ekspor.', en: 'filter.providerPartyIds: one provider per export.' });
    }
    put(query, 'provider', text(op, 'filter.providerPartyIds', providers[0]));
  }
  for (const name of ['startsFrom', 'startsUntil'] as const) {
    const v = text(op, `filter.${name}`, f[name]);
    if (v !== undefined && !DATE.test(v)) throw invalid(op, { id: `filter.${name} harus YYYY-MM-DD.`, en: `filter.${name} must be YYYY-MM-DD.` });
    put(query, name, v);
  }
  return query;
}

/** `filename="…"` / `filename*=UTF-8''…` of a Content-Disposition header. */
function dispositionName(header: string | null): string | undefined {
  if (!header) return undefined;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      return undefined;
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/.exec(header);
  return plain ? (plain[1] ?? plain[2])?.replace(/\\(.)/g, '$1') : undefined;
}

function fileOf(kind: string, format: ExportFormat, result: DownloadResult): ExportFile {
  const h = result.header;
  const rows = h('x-jembatan-export-rows');
  const notExported = h('x-jembatan-export-not-exported');
  const requestId = h('x-request-id');
  return {
    format,
    filename: dispositionName(h('content-disposition')) ?? `jembatan-${kind}.${format}`,
    contentType: h('content-type') ?? (format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    metadata: {
      rows: rows !== null && /^\d+$/.test(rows) ? Number(rows) : null,
      filters: h('x-jembatan-export-filters'),
      disclosure: h('x-jembatan-export-disclosure'),
      exportedAt: h('x-jembatan-export-exported-at'),
      exportedBy: h('x-jembatan-export-exported-by'),
      dataSource: h('x-jembatan-data-source'),
      summary: h('x-jembatan-export-summary'),
      notExported: notExported ? notExported.split(',').map((s) => s.trim()).filter(Boolean) : [],
    },
    ...(requestId ? { requestId } : {}),
  };
}

export function exportsApi(download: Download): ExportsApi {
  async function run(kind: string, operationName: string, options: ExportOptions, query: Record<string, string>, json?: Record<string, unknown>): Promise<ExportDownload | ExportStream> {
    const stream = options.stream === true;
    const result = await download({
      path: `exports/${kind}.${options.format}`,
      query,
      ...(json ? { json } : {}),
      headers: options.headers,
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      operationName,
      stream,
    });
    const file = fileOf(kind, options.format, result);
    return stream ? { ...file, body: result.body! } : { ...file, bytes: result.bytes! };
  }
  const api = {
    candidates: (options: CandidateExportOptions) => {
      const o = checkFormat('ExportCandidates', options) as CandidateExportOptions;
      return run('candidates', 'ExportCandidates', o, candidateExportQuery(o));
    },
    openings: (options: OpeningExportOptions) => {
      const o = checkFormat('ExportOpenings', options) as OpeningExportOptions;
      return run('openings', 'ExportOpenings', o, openingExportQuery(o));
    },
    cohorts: (options: CohortExportOptions) => {
      const o = checkFormat('ExportCohorts', options) as CohortExportOptions;
      return run('cohorts', 'ExportCohorts', o, cohortExportQuery(o));
    },
    classList: (cohortId: string, options: ExportOptions) => {
      const o = checkFormat('ExportClassList', options);
      const id = text('ExportClassList', 'cohortId', cohortId);
      if (id === undefined) throw invalid('ExportClassList', { id: 'Sebutkan id kelompok pelatihan.', en: 'Give the training cohort id.' });
      return run('class-list', 'ExportClassList', o, { cohort: id });
    },
    aggregate: (document: unknown, options: AggregateExportOptions<unknown>) => {
      const o = checkFormat('ExportAggregate', options) as AggregateExportOptions<unknown>;
      // a text goes as written (the gateway checks it and names its mistake: EXPORT.QUERY_INVALID, …); a document node is printed
      let query: string;
      if (typeof document === 'string' || document instanceof String) query = String(document);
      else {
        const prepared = prepareOperation(document);
        if (!prepared.ok) throw invalid('ExportAggregate', prepared.reason);
        query = prepared.operation.query;
      }
      if (o.variables !== undefined && o.variables !== null && !isRecord(o.variables)) throw invalid('ExportAggregate', { id: 'variables harus objek.', en: 'variables must be an object.' });
      const json: Record<string, unknown> = { query, variables: o.variables ?? {} };
      if (o.operationName !== undefined) json.operationName = text('ExportAggregate', 'operationName', o.operationName);
      return run('aggregate', 'ExportAggregate', o, {}, json);
    },
  };
  // synchronous refusals (bad options) reject the promise like every other method
  const wrap =
    <A extends unknown[]>(f: (...args: A) => Promise<unknown>) =>
    (...args: A): Promise<unknown> => {
      try {
        return f(...args);
      } catch (e) {
        return Promise.reject(e);
      }
    };
  return {
    candidates: wrap(api.candidates),
    openings: wrap(api.openings),
    cohorts: wrap(api.cohorts),
    classList: wrap(api.classList),
    aggregate: wrap(api.aggregate),
  } as unknown as ExportsApi;
}
