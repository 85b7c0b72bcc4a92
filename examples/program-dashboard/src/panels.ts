/**
 * From what the SDK returns to what a panel shows (model.ts), one function per aggregate. No DOM,
 * no network: render.ts draws the result, main.ts fetches the inputs.
 */
import type { PlacementCostsResult, QuotaFillResult } from '@jembatan/sdk';
import { KECAMATAN_LABELS, labelOf, monthLabel, occupationLabel, PAYER_LABELS, routeLabel, STAGE_LABELS, t, type Lang, type MessageKey } from './i18n';
import { countCell, daysCell, moneyCell, rateCell, SUPPRESSED, type Category, type DisclosureInfo, type PanelModel, type WireMoney } from './model';

/** `text` cut to `max` characters with an ellipsis (a chart axis has little room; the table has the whole text). */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The notes under a panel over people: how it was protected, and how many cells were hidden. */
export function disclosureNotes(lang: Lang, d: DisclosureInfo): string[] {
  if (!d.protectedView) return [t(lang, 'exactView')];
  const notes = [t(lang, 'protectedView', { min: d.minCellCount ?? '?', date: d.referenceDate })];
  if (d.suppressedCells > 0) notes.push(t(lang, 'suppressedCells', { n: d.suppressedCells }));
  return notes;
}

/** Quota fill: one bar per MoU × occupation × route, allocated and left stacked (seats in the table). */
export function quotaFillPanel(lang: Lang, q: QuotaFillResult): PanelModel {
  const rows = q.rows;
  const categories: Category[] = rows.map((r) => {
    const mou = lang === 'en' ? r.mou.title.en : r.mou.title.idn;
    const what = `${occupationLabel(lang, r.occupation)} · ${routeLabel(lang, r.route)}`;
    return { key: `${r.mou.id}|${r.occupation}|${r.route}`, label: `${what} · ${mou}`, chartLabel: [shorten(what, 34), shorten(mou, 34)] };
  });
  categories.push({ key: 'TOTAL', label: t(lang, 'total'), tableOnly: true });
  const column = (pickValue: (r: { seats: number; allocated: number; left: number }) => number) => [
    ...rows.map((r) => countCell(pickValue(r), false, false)),
    countCell(pickValue(q), false, false),
  ];
  return {
    id: 'quota-fill',
    lang,
    title: t(lang, 'quotaFill'),
    description: t(lang, 'quotaFillDesc'),
    kind: 'hbar',
    stacked: true,
    categories,
    series: [
      { key: 'allocated', label: t(lang, 'allocated'), unit: 'count', chart: true, stack: 'seats', cells: column((r) => r.allocated) },
      { key: 'left', label: t(lang, 'left'), unit: 'count', chart: true, stack: 'seats', cells: column((r) => r.left) },
      { key: 'seats', label: t(lang, 'seats'), unit: 'count', chart: false, cells: column((r) => r.seats) },
    ],
    notes: [],
  };
}

/** Placement costs by payer: before departure and in Korea stacked; placements and the total in the table. */
export function placementCostsPanel(lang: Lang, p: PlacementCostsResult): PanelModel {
  const protectedView = p.disclosure.protectedView;
  const categories: Category[] = [
    ...p.rows.map((r) => ({ key: r.payer, label: labelOf(lang, PAYER_LABELS, r.payer) })),
    { key: 'TOTAL', label: t(lang, 'total'), tableOnly: true },
  ];
  const none = countCell(null, false, false);
  return {
    id: 'placement-costs',
    lang,
    title: t(lang, 'placementCosts'),
    description: t(lang, 'placementCostsDesc'),
    kind: 'bar',
    stacked: true,
    categories,
    series: [
      {
        key: 'beforeDeparture',
        label: t(lang, 'beforeDeparture'),
        unit: 'money',
        chart: true,
        stack: 'cost',
        cells: [...p.rows.map((r) => moneyCell(r.beforeDeparture, r.suppressed, protectedView)), none],
      },
      {
        key: 'inKorea',
        label: t(lang, 'inKorea'),
        unit: 'money',
        chart: true,
        stack: 'cost',
        cells: [...p.rows.map((r) => moneyCell(r.inKorea, r.suppressed, protectedView)), none],
      },
      {
        key: 'total',
        label: t(lang, 'totalCost'),
        unit: 'money',
        chart: false,
        cells: [...p.rows.map((r) => moneyCell(r.total, r.suppressed, protectedView)), moneyCell(p.total, false, protectedView)],
      },
      {
        key: 'placements',
        label: t(lang, 'placements'),
        unit: 'count',
        chart: false,
        cells: [...p.rows.map((r) => countCell(r.placements, r.suppressed, protectedView)), countCell(p.placements, false, protectedView)],
      },
    ],
    notes: disclosureNotes(lang, p.disclosure),
  };
}

// ------------------------------------------------------------------ trends

/** The part of the SDK's `trends` answer the panel reads (monthly, no breakdown). */
export interface TrendsInput {
  readonly buckets: ReadonlyArray<{ readonly label: string; readonly start: string }>;
  readonly rows: ReadonlyArray<{
    readonly series: string;
    readonly stage: string | null;
    readonly bucket: string;
    readonly count: number | null;
    readonly suppressed: boolean;
  }>;
  readonly disclosure: DisclosureInfo;
}

/** The series the dashboard charts: registrations, entries into TRAINING, departures. */
export const TREND_LINES = [
  { key: 'REGISTRATIONS', series: 'REGISTRATIONS', stage: null, label: { id: 'Pendaftaran', en: 'Registrations' } },
  { key: 'STAGE_ENTRIES:TRAINING', series: 'STAGE_ENTRIES', stage: 'TRAINING', label: { id: 'Masuk pelatihan', en: 'Training entries' } },
  { key: 'DEPARTURES', series: 'DEPARTURES', stage: null, label: { id: 'Keberangkatan', en: 'Departures' } },
] as const;

/** Monthly trends: one line per series over the months, a row per month in the table. */
export function trendsPanel(lang: Lang, tr: TrendsInput): PanelModel {
  const protectedView = tr.disclosure.protectedView;
  const cell = new Map(tr.rows.map((r) => [`${r.series}|${r.stage ?? ''}|${r.bucket}`, r]));
  return {
    id: 'trends',
    lang,
    title: t(lang, 'trends'),
    description: t(lang, 'trendsDesc'),
    kind: 'line',
    stacked: false,
    categories: tr.buckets.map((b) => ({ key: b.label, label: monthLabel(lang, b.label) })),
    series: TREND_LINES.map((line) => ({
      key: line.key,
      label: line.label[lang],
      unit: 'count' as const,
      chart: true,
      cells: tr.buckets.map((b) => {
        const r = cell.get(`${line.series}|${line.stage ?? ''}|${b.label}`);
        return countCell(r ? r.count : null, r?.suppressed ?? false, protectedView);
      }),
    })),
    notes: disclosureNotes(lang, tr.disclosure),
  };
}

// ------------------------------------------------------------------ funnel

/** The part of the SDK's `funnel` answer the panel reads. */
export interface FunnelInput {
  readonly registeredFrom: string;
  readonly registeredTo: string;
  readonly rows: ReadonlyArray<{
    readonly stage: string;
    readonly reached: number | null;
    readonly rateFromPrevious: string | null;
    readonly rateFromRegistration: string | null;
    readonly medianDaysFromPrevious: string | null;
    readonly p90DaysFromPrevious: string | null;
    readonly suppressed: boolean;
  }>;
  readonly exitTotals: ReadonlyArray<{ readonly exit: string; readonly count: number | null; readonly suppressed: boolean }>;
  readonly disclosure: DisclosureInfo;
}

/**
 * The funnel: a bar per stage (people of the cohort who reached it); the table adds the conversion
 * from the stage before and the days the step took, and the cohort's exits (WITHDRAWN, REJECTED).
 * A figure the gateway withholds because its stage is suppressed is shown as suppressed; a rate or
 * days the gateway does not compute (the first stage, nobody made the step) as a dash.
 */
export function funnelPanel(lang: Lang, f: FunnelInput): PanelModel {
  const p = f.disclosure.protectedView;
  const rows = f.rows;
  // a rate is withheld with either of its stages; days in the protected view also when fewer than
  // minCellCount people made the step (the gateway sends null then, as when nobody made it)
  const rate = (r: FunnelInput['rows'][number], i: number) =>
    r.suppressed || (i > 0 && rows[i - 1]!.suppressed) ? SUPPRESSED : rateCell(r.rateFromPrevious, false, false);
  const days = (r: FunnelInput['rows'][number], i: number, v: string | null) =>
    r.suppressed || (i > 0 && v === null && p && r.reached !== 0) ? SUPPRESSED : daysCell(v, false, false);
  const none = countCell(null, false, false);
  return {
    id: 'funnel',
    lang,
    title: t(lang, 'funnel'),
    description: t(lang, 'funnelDesc'),
    kind: 'bar',
    stacked: false,
    categories: [
      ...rows.map((r) => ({ key: r.stage, label: labelOf(lang, STAGE_LABELS, r.stage) })),
      ...f.exitTotals.map((e) => ({ key: `EXIT:${e.exit}`, label: labelOf(lang, STAGE_LABELS, e.exit), tableOnly: true })),
    ],
    series: [
      {
        key: 'reached',
        label: t(lang, 'reached'),
        unit: 'count',
        chart: true,
        cells: [...rows.map((r) => countCell(r.reached, r.suppressed, p)), ...f.exitTotals.map((e) => countCell(e.count, e.suppressed, p))],
      },
      { key: 'rateFromPrevious', label: t(lang, 'conversion'), unit: 'percent', chart: false, cells: [...rows.map((r, i) => rate(r, i)), ...f.exitTotals.map(() => none)] },
      { key: 'medianDaysFromPrevious', label: t(lang, 'medianDays'), unit: 'days', chart: false, cells: [...rows.map((r, i) => days(r, i, r.medianDaysFromPrevious)), ...f.exitTotals.map(() => none)] },
      { key: 'p90DaysFromPrevious', label: t(lang, 'p90Days'), unit: 'days', chart: false, cells: [...rows.map((r, i) => days(r, i, r.p90DaysFromPrevious)), ...f.exitTotals.map(() => none)] },
    ],
    notes: [t(lang, 'cohort', { from: f.registeredFrom, to: f.registeredTo }), ...disclosureNotes(lang, f.disclosure)],
  };
}

// ------------------------------------------------------------------ cost per placement

export const COST_DIMENSIONS = ['OCCUPATION', 'ROUTE', 'KECAMATAN', 'PAYER'] as const;
export type CostDimension = (typeof COST_DIMENSIONS)[number];

/** The part of the SDK's `costPerPlacement` answer the panel reads (grouped by one dimension). */
export interface CostPerPlacementInput {
  readonly asOf: string;
  readonly rows: ReadonlyArray<{
    readonly occupation: string | null;
    readonly route: string | null;
    readonly kecamatan: string | null;
    readonly payer: string | null;
    readonly placements: number | null;
    readonly average: WireMoney | null;
    readonly total: WireMoney | null;
    readonly suppressed: boolean;
  }>;
  readonly placements: number | null;
  readonly average: WireMoney | null;
  readonly total: WireMoney | null;
  readonly disclosure: DisclosureInfo;
}

const DIMENSION_LABEL: Readonly<Record<CostDimension, MessageKey>> = {
  OCCUPATION: 'byOccupation',
  ROUTE: 'byRoute',
  KECAMATAN: 'byKecamatan',
  PAYER: 'byPayer',
};

/** The key of a row of `costPerPlacement` grouped by `by` (`(none)` for a null kecamatan). */
export function costRowKey(by: CostDimension, r: CostPerPlacementInput['rows'][number]): string {
  const v = by === 'OCCUPATION' ? r.occupation : by === 'ROUTE' ? r.route : by === 'KECAMATAN' ? r.kecamatan : r.payer;
  return v ?? '(none)';
}

function costRowLabel(lang: Lang, by: CostDimension, r: CostPerPlacementInput['rows'][number]): string {
  switch (by) {
    case 'OCCUPATION':
      return occupationLabel(lang, r.occupation);
    case 'ROUTE':
      return routeLabel(lang, r.route);
    case 'KECAMATAN':
      return r.kecamatan === null ? (lang === 'en' ? 'Not recorded' : 'Tidak tercatat') : labelOf(lang, KECAMATAN_LABELS, r.kecamatan);
    case 'PAYER':
      return labelOf(lang, PAYER_LABELS, r.payer);
  }
}

/** Cost per placement by one dimension: a bar per group (the average); placements and total in the table. */
export function costPerPlacementPanel(lang: Lang, by: CostDimension, c: CostPerPlacementInput): PanelModel {
  const p = c.disclosure.protectedView;
  return {
    id: 'cost-per-placement',
    lang,
    title: t(lang, 'costPerPlacement'),
    description: t(lang, 'costPerPlacementDesc'),
    kind: 'bar',
    stacked: false,
    categories: [
      ...c.rows.map((r) => ({ key: costRowKey(by, r), label: costRowLabel(lang, by, r) })),
      { key: 'TOTAL', label: t(lang, 'total'), tableOnly: true },
    ],
    series: [
      { key: 'average', label: t(lang, 'perPlacement'), unit: 'money', chart: true, cells: [...c.rows.map((r) => moneyCell(r.average, r.suppressed && r.average === null, p)), moneyCell(c.average, false, p)] },
      { key: 'placements', label: t(lang, 'placements'), unit: 'count', chart: false, cells: [...c.rows.map((r) => countCell(r.placements, r.suppressed && r.placements === null, p)), countCell(c.placements, false, p)] },
      { key: 'total', label: t(lang, 'totalCost'), unit: 'money', chart: false, cells: [...c.rows.map((r) => moneyCell(r.total, r.suppressed && r.total === null, p)), moneyCell(c.total, false, p)] },
    ],
    notes: [`${t(lang, 'groupBy')}: ${t(lang, DIMENSION_LABEL[by])}`, ...disclosureNotes(lang, c.disclosure)],
    control: {
      key: 'by',
      label: t(lang, 'groupBy'),
      value: by,
      options: COST_DIMENSIONS.map((d) => ({ value: d, label: t(lang, DIMENSION_LABEL[d]) })),
    },
  };
}
