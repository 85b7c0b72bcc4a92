/**
 * One export from plan to last byte: in ONE read-only REPEATABLE READ transaction (a snapshot, so the
 * row count in the metadata is the rows in the file even while officers keep writing), count the
 * rows, write the audit row (its own short transaction: who, what, filters, options, row count,
 * columns; never a personal value), tell the caller the metadata (HTTP headers), then read keyset
 * pages of EXPORT_PAGE_SIZE rows (read-models/rows.ts `keysetPage`, oldest registration first) and
 * hand each to the writer. Memory holds one page at a time.
 */
import type { Writable } from 'node:stream';
import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { timestampOf } from '../clock';
import { wibDateOf } from '../domain';
import type { GatewayContext } from '../graphql/context';
import { countRows, keysetPage } from '../read-models/rows';
import { writeAudit, type AuditActor } from '../security/audit-log';
import type { Principal } from '../security/role';
import { DATA_SOURCE, type ExportMeta } from './meta';
import type { ExportFormat, ExportPlan } from './plan';
import { csvSink, ExportAbortedError, xlsxSink, type RowSink } from './writers';

export const EXPORT_PAGE_SIZE = 1000;

export interface ExportRun {
  readonly ctx: GatewayContext;
  readonly format: ExportFormat;
  readonly out: Writable;
  /** Who the audit row names (default the request's principal). */
  readonly actor?: Principal | AuditActor;
  /** Called once, before the first byte: set the response headers from the metadata. */
  readonly onStart?: (meta: ExportMeta) => void;
  readonly pageSize?: number;
}

function sinkOf<R>(plan: ExportPlan<R & { createdAt: Date; id: string }>, format: ExportFormat, out: Writable): RowSink<R> {
  return format === 'csv' ? csvSink(plan.columns, out) : xlsxSink(plan.columns, plan.sheetName, out);
}

function metaOf<R extends { createdAt: Date; id: string }>(plan: ExportPlan<R>, run: ExportRun, rowCount: number): ExportMeta {
  const { ctx } = run;
  const exportedAt = ctx.clock.now();
  return {
    kind: plan.kind,
    format: run.format,
    exportedBy: (run.actor ?? ctx.principal).subject,
    roles: [...((run.actor ?? ctx.principal).roles ?? [])].filter((r) => r !== 'PUBLIC'),
    exportedAt,
    asOf: wibDateOf(timestampOf(ctx.clock)),
    city: ctx.city,
    filters: plan.filters,
    options: plan.options,
    rowCount,
    columns: plan.columns.map((c) => c.key),
    disclosure: plan.disclosure,
    source: DATA_SOURCE,
    ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
  };
}

async function audit<R extends { createdAt: Date; id: string }>(em: EntityManager, plan: ExportPlan<R>, run: ExportRun, meta: ExportMeta): Promise<void> {
  await writeAudit(em.fork(), {
    principal: run.actor ?? run.ctx.principal,
    action: `export${plan.kind[0]!.toUpperCase()}${plan.kind.slice(1)}`,
    entityType: plan.entityType,
    entityId: null,
    after: { format: meta.format, filters: meta.filters, options: meta.options, rowCount: meta.rowCount, columns: meta.columns, disclosure: meta.disclosure },
    requestId: run.ctx.requestId,
    at: meta.exportedAt,
  });
}

async function streamPages<R extends { createdAt: Date; id: string }>(em: EntityManager, plan: ExportPlan<R>, sink: RowSink<R>, run: ExportRun): Promise<void> {
  if (plan.where === null) return;
  let after: string | undefined;
  for (;;) {
    if (run.out.destroyed) throw new ExportAbortedError();
    const page = await keysetPage(em, plan.entity, plan.where, { first: run.pageSize ?? EXPORT_PAGE_SIZE, after, keys: ['createdAt', 'id'] as Array<keyof R & string> });
    await sink.writePage(page.rows);
    const last = page.rows[page.rows.length - 1];
    if (!page.hasNextPage || !last) return;
    after = page.cursorOf(last);
  }
}

/** Run the export; resolves with its metadata once the output has every byte. */
export async function runExport<R extends { createdAt: Date; id: string }>(plan: ExportPlan<R>, run: ExportRun): Promise<ExportMeta> {
  const root = run.ctx.em;
  return root.fork().transactional(
    async (tem) => {
      const rowCount = plan.where === null ? 0 : await countRows(tem, plan.entity, plan.where);
      const meta = metaOf(plan, run, rowCount);
      await audit(root, plan, run, meta);
      run.onStart?.(meta);
      const sink = sinkOf(plan, run.format, run.out);
      await streamPages(tem, plan, sink, run);
      await sink.end(meta);
      return meta;
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
  );
}
