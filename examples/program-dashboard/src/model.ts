/**
 * What a panel shows, independent of how it is drawn: categories (the x axis and the table's rows),
 * series (the bars or lines and the table's columns) and notes. Built from what the SDK returns, in
 * one language; the chart and the accessible table are both drawn from it (render.ts), so they
 * always show the same figures. A suppressed cell (the protected view's `suppressed: true`, or a
 * total over one, null) has `value: null` and `suppressed: true`: it is shown as "disembunyikan" /
 * "suppressed", never as 0.
 */
import type { Lang } from './i18n';

export type PanelId = 'quota-fill' | 'funnel' | 'trends' | 'cost-per-placement' | 'placement-costs';
export type Unit = 'count' | 'money' | 'percent' | 'days';
export type ChartKind = 'bar' | 'hbar' | 'line';

export interface Cell {
  /** The figure for the chart (money as a decimal number of the currency, a rate as a percentage). */
  readonly value: number | null;
  /** The figure exactly as the gateway sent it (money in minor units), for the table's `data-value`. */
  readonly raw: string | null;
  readonly suppressed: boolean;
  readonly currency?: string;
}

export interface Series {
  readonly key: string;
  readonly label: string;
  readonly unit: Unit;
  readonly cells: readonly Cell[];
  /** Drawn in the chart (else in the table only). */
  readonly chart: boolean;
  /** Bars with the same stack are stacked. */
  readonly stack?: string;
}

export interface Category {
  readonly key: string;
  readonly label: string;
  /** A shorter label for the chart's axis (lines), when `label` is long. */
  readonly chartLabel?: readonly string[];
  /** A row of the table only (a total), not a bar of the chart. */
  readonly tableOnly?: boolean;
}

export interface PanelModel {
  readonly id: PanelId;
  readonly lang: Lang;
  readonly title: string;
  readonly description: string;
  readonly kind: ChartKind;
  readonly stacked: boolean;
  readonly categories: readonly Category[];
  readonly series: readonly Series[];
  readonly notes: readonly string[];
  /** A choice drawn above the chart (cost per placement: the dimension), handled by main.ts. */
  readonly control?: PanelControl;
}

export interface PanelControl {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly options: ReadonlyArray<{ readonly value: string; readonly label: string }>;
}

/** How an aggregate over people was protected (the SDK's `disclosure`). */
export interface DisclosureInfo {
  readonly protectedView: boolean;
  readonly minCellCount: number | null;
  readonly suppressedCells: number;
  readonly referenceDate: string;
}

export interface WireMoney {
  readonly amount: string;
  readonly currency: string;
  readonly decimal: string;
}

export const SUPPRESSED: Cell = { value: null, raw: null, suppressed: true };

/**
 * A count. `null` is suppressed in the protected view; in the exact view it is "no figure" (which
 * the gateway does not send for counts), shown as a dash.
 */
export function countCell(n: number | null | undefined, suppressed = false, protectedView = true): Cell {
  if (suppressed || n === null || n === undefined) return { value: null, raw: null, suppressed: suppressed || protectedView };
  return { value: n, raw: String(n), suppressed: false };
}

export function moneyCell(m: WireMoney | null | undefined, suppressed = false, protectedView = true): Cell {
  if (suppressed || !m) return { value: null, raw: null, suppressed: suppressed || protectedView };
  return { value: Number(m.decimal), raw: m.amount, suppressed: false, currency: m.currency };
}

/** A rate sent as a decimal string or number in [0, 1], charted as a percentage. */
export function rateCell(r: string | number | null | undefined, suppressed = false, protectedView = true): Cell {
  if (suppressed || r === null || r === undefined) return { value: null, raw: null, suppressed: suppressed || protectedView };
  return { value: Math.round(Number(r) * 10_000) / 100, raw: String(r), suppressed: false };
}

export function daysCell(d: string | number | null | undefined, suppressed = false, protectedView = true): Cell {
  if (suppressed || d === null || d === undefined) return { value: null, raw: null, suppressed: suppressed || protectedView };
  return { value: Number(d), raw: String(d), suppressed: false };
}

/** Whether every charted figure of a category is suppressed (its axis label then says so). */
export function categorySuppressed(model: PanelModel, index: number): boolean {
  const charted = model.series.filter((s) => s.chart);
  return charted.length > 0 && charted.every((s) => s.cells[index]?.suppressed === true);
}
