/** What an export reads and writes, decided before any row is read (access, filters, columns). */
import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { ExportColumn } from './columns';

export const EXPORT_KINDS = ['candidates', 'openings'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportPlan<R extends { createdAt: Date; id: string }> {
  readonly kind: ExportKind;
  readonly entity: EntityName<R>;
  /** The audit row's entity type (`Candidate`, `JobOpening`). */
  readonly entityType: string;
  readonly sheetName: string;
  readonly columns: ReadonlyArray<ExportColumn<R>>;
  /** The caller's rows matching the filters; `null`: the caller may see none (an empty export). */
  readonly where: FilterQuery<R> | null;
  /** The filters as asked (vocabulary codes only, never a personal value: they go to the audit log). */
  readonly filters: Readonly<Record<string, readonly string[]>>;
  /** Options that changed the columns (`mask`, `include=health`). */
  readonly options: Readonly<Record<string, string | boolean>>;
  /** The row scope and field rules applied, in words (metadata sheet, audit row). */
  readonly disclosure: string;
}
