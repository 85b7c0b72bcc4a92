/**
 * One aggregate download from a laid-out table (export/aggregate.ts) to the last byte: the audit row
 * (who, which aggregate, the variables as filters, the row count; never a personal value), the
 * metadata (HTTP headers for CSV, the `Metadata` sheet for XLSX), then the rows through the same
 * typed writers as the record exports (export/writers.ts). An aggregate is small (groups, at most
 * MAX_AGGREGATE_ROWS lines), so it is written in one page.
 */
import type { Writable } from 'node:stream';
import { timestampOf } from '../clock';
import { wibDateOf } from '../domain';
import type { GatewayContext } from '../graphql/context';
import { writeAudit } from '../security/audit-log';
import type { AggregateTable, Row } from './aggregate';
import { DATA_SOURCE, type ExportMeta } from './meta';
import type { ExportFormat } from './plan';
import { csvSink, xlsxSink } from './writers';

export interface AggregateExportRun {
  readonly ctx: GatewayContext;
  readonly format: ExportFormat;
  readonly out: Writable;
  readonly table: AggregateTable;
  readonly filters: Readonly<Record<string, readonly string[]>>;
  readonly onStart?: (meta: ExportMeta) => void;
  /** Default `aggregate:<field>` (audit action `exportAggregate`); cohorts and class lists name themselves. */
  readonly kind?: 'cohorts' | 'class-list';
}

const ACTION = { cohorts: 'exportCohorts', 'class-list': 'exportClassList' } as const;

export async function runAggregateExport(run: AggregateExportRun): Promise<ExportMeta> {
  const { ctx, table } = run;
  const exportedAt = ctx.clock.now();
  const meta: ExportMeta = {
    kind: run.kind ?? `aggregate:${table.field}`,
    format: run.format,
    exportedBy: ctx.principal.subject,
    roles: [...(ctx.principal.roles ?? [])].filter((r) => r !== 'PUBLIC'),
    exportedAt,
    asOf: table.asOf ?? wibDateOf(timestampOf(ctx.clock)),
    city: ctx.city,
    filters: run.filters,
    options: {},
    rowCount: table.rows.length,
    columns: table.columns.map((c) => c.key),
    disclosure: table.disclosure,
    source: DATA_SOURCE,
    summary: table.summary,
    notExported: table.notExported,
    ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
  };
  await writeAudit(ctx.em.fork(), {
    principal: ctx.principal,
    action: run.kind ? ACTION[run.kind] : 'exportAggregate',
    entityType: run.kind === 'cohorts' ? 'TrainingCohort' : run.kind === 'class-list' ? 'TrainingEnrolment' : 'Aggregate',
    entityId: null,
    after: { aggregate: table.field, format: meta.format, filters: meta.filters, rowCount: meta.rowCount, columns: meta.columns, disclosure: meta.disclosure },
    requestId: ctx.requestId,
    at: exportedAt,
  });
  run.onStart?.(meta);
  const sink = run.format === 'csv' ? csvSink<Row>(table.columns, run.out) : xlsxSink<Row>(table.columns, (run.kind ?? table.field).slice(0, 31), run.out);
  await sink.writePage(table.rows);
  await sink.end(meta);
  return meta;
}
