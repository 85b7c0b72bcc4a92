/**
 * `trends` (issue 12): monthly or weekly series of registrations, stage entries, departures, returns,
 * withdrawals, seats allocated and financing principal, from the histories, with one breakdown per
 * request (read-models/trends.read-model.ts defines each series and holds the SQL).
 *
 * Disclosure control (types/disclosure.type.ts, the domain's disclosure/):
 * - OFFICER and ADMIN: exact figures on any range, MONTH or WEEK, any breakdown and filter.
 * - ANALYST (the protected view):
 *   - whole calendar months that are over only (`from` a 1st, `to` a month end before today, else
 *     `DISCLOSURE.RANGE_NOT_WHOLE_MONTHS`, as for the date-range filters), so each published bucket is
 *     a whole past month whose figures do not depend on the range asked for: two adjacent or
 *     overlapping ranges publish the same cells for the months they share, and no range total is
 *     published;
 *   - WEEK is refused (`DISCLOSURE.GRANULARITY_NOT_ALLOWED`): a week that straddles a month end would
 *     let "month − its whole weeks" isolate a few days' people;
 *   - at most one dimension in `by` (`DISCLOSURE.TOO_MANY_DIMENSIONS`): two breakdowns of the same
 *     bucket are the margins of a cross table whose small cells they could pin down;
 *   - a cell with 1 to k − 1 people is suppressed; when the people of a bucket's suppressed cells add
 *     up to 1 to k − 1 (so that the bucket total, published without `by`, minus the published cells
 *     would isolate them), the smallest published cells are withheld too until they reach k; the
 *     bucket total is null as soon as one of its cells is; money over a withheld cell is null;
 *   - filters only on the dimension of `by` (`DISCLOSURE.FILTER_NOT_ALLOWED`), applied after the
 *     suppression of the whole table, so a filter selects rows of the unfiltered answer and changes
 *     neither their values nor what is withheld;
 *   - the dimensions are those the gateway knew at the end of each month (`profileAtBucketEnd`), not
 *     the current ones: a month that is over never moves when someone's kecamatan changes later;
 *   - FINANCING_PRINCIPAL counts each plan's principal as the plan stood at the end of its month
 *     (`plansAtMonthEnd`, `financing_plan_revision`), not its current products, and a plan removed
 *     later still in its month: a later edit or removal of one plan never moves a closed month (OFFICER
 *     keeps the current plans and products: a correction corrects the past).
 */
import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { assertWholePassedMonths, CANDIDATE_STAGES, type CandidateStage, type IsoDate, type KotaSerangKecamatan, type Occupation, type Route } from '../../domain';
import {
  MAX_TREND_BUCKETS,
  MAX_TREND_ROWS,
  readTrendCounts,
  TREND_DIMENSION_COLUMNS,
  TREND_SERIES,
  trendBucketCount,
  trendBuckets,
  type TrendCount,
  type TrendDimension,
  type TrendSeriesKind,
} from '../../read-models/trends.read-model';
import { AGGREGATE_RULE } from '../../security/rules';
import type { GatewayContext } from '../context';
import { GatewayError } from '../errors';
import type { CandidateFilter } from '../inputs/candidate-filter.input';
import { isoDateOf } from '../scalars';
import { checkProtectedFilter, datedAggregateView, disclosureOf, todayWib, viewTotal, withheldCells, type AggregateView } from '../types/disclosure.type';
import { moneyFromMinor, type Money } from '../types/money.type';
import { Trends, TrendsArgs, type TrendRow, type TrendTotal } from '../types/trends.type';

function refuse(domainCode: string, field: string, id: string, en: string, details?: Record<string, string | number>, reason?: string): never {
  const error = new GatewayError('BAD_USER_INPUT', { id, en }, { field: [field], domainCode, ...(details ? { details } : {}) });
  if (reason) (error.extensions as Record<string, unknown>)['reason'] = reason;
  throw error;
}

const keyOf = (dims: ReadonlyArray<string | null>): string => JSON.stringify(dims);
const compareDims = (a: ReadonlyArray<string | null>, b: ReadonlyArray<string | null>): number => {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  }
  return 0;
};

interface CheckedTrends {
  readonly series: TrendSeriesKind[];
  readonly stages: CandidateStage[];
  readonly by: TrendDimension[];
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly view: AggregateView;
}

/** The arguments checked (bad input and the protected view's refusals), before any SQL. */
function checkTrendsArgs(args: TrendsArgs, ctx: GatewayContext): CheckedTrends {
  const series = TREND_SERIES.filter((s) => args.series.includes(s));
  if (!series.length) refuse('TRENDS.NO_SERIES', 'series', 'Pilih paling sedikit satu deret.', 'Choose at least one series.');
  if (args.stages?.length && !series.includes('STAGE_ENTRIES'))
    refuse('TRENDS.STAGES_WITHOUT_STAGE_ENTRIES', 'stages', '`stages` hanya berlaku untuk deret STAGE_ENTRIES.', '`stages` applies to the STAGE_ENTRIES series only.');
  const stages: CandidateStage[] = series.includes('STAGE_ENTRIES') ? CANDIDATE_STAGES.filter((s) => !args.stages?.length || args.stages.includes(s)) : [];
  const by = (['KECAMATAN', 'OCCUPATION', 'ROUTE'] as const).filter((d) => args.by?.includes(d));
  const from = isoDateOf(args.from);
  const to = isoDateOf(args.to);
  if (from > to) refuse('TRENDS.RANGE_REVERSED', 'from', 'Tanggal `from` jatuh setelah `to`.', '`from` is after `to`.');
  const view = datedAggregateView(ctx, to);
  if (view.isProtected) {
    if (args.granularity === 'WEEK')
      refuse(
        'DISCLOSURE.GRANULARITY_NOT_ALLOWED',
        'granularity',
        'Untuk analis, tren hanya tersedia per bulan: minggu yang melintasi akhir bulan dapat membuka sel kecil.',
        'For analysts trends come by month only: weeks that straddle a month end could reveal a small cell.',
      );
    if (by.length > 1)
      refuse('DISCLOSURE.TOO_MANY_DIMENSIONS', 'by', 'Untuk analis, tren dapat dirinci menurut satu dimensi saja.', 'For analysts trends can be broken down by one dimension only.');
    checkProtectedFilter(view, args.filter, by.map((d) => TREND_DIMENSION_COLUMNS[d].filterKey));
    // whole calendar months that are over, as for the date-range filters (refused, not snapped)
    assertWholePassedMonths({ from, to }, todayWib(ctx), [from.endsWith('-01') ? 'to' : 'from']);
  }
  const bucketCount = trendBucketCount(args.granularity, from, to);
  if (bucketCount > MAX_TREND_BUCKETS)
    refuse(
      'TRENDS.TOO_MANY_BUCKETS',
      'to',
      `Paling banyak ${MAX_TREND_BUCKETS} periode per permintaan.`,
      `At most ${MAX_TREND_BUCKETS} buckets per request.`,
      { max: MAX_TREND_BUCKETS, asked: bucketCount },
      'LIMIT_EXCEEDED',
    );
  return { series, stages, by, from, to, view };
}

type Dims = ReadonlyArray<string | null>;
type Bucket = ReturnType<typeof trendBuckets>[number];
interface Group {
  readonly series: TrendSeriesKind;
  readonly stage: CandidateStage | null;
  /** The raw cells of the group (dimension cells, or the bucket totals without `by`). */
  readonly cells: readonly TrendCount[];
  /** Every dimension combination seen in the range, in order. */
  readonly combos: readonly Dims[];
}

/** One group per series (and stage of STAGE_ENTRIES), with its cells and dimension combinations. */
function groupsOf(q: CheckedTrends, counts: readonly TrendCount[]): Group[] {
  const keyed = new Map<string, TrendCount[]>();
  const groupKey = (s: TrendSeriesKind, stage: CandidateStage | null) => `${s}|${stage ?? ''}`;
  for (const c of counts) {
    if (c.isTotal && q.by.length) continue;
    const k = groupKey(c.series, c.stage);
    keyed.set(k, [...(keyed.get(k) ?? []), c]);
  }
  return q.series
    .flatMap((s): Array<{ series: TrendSeriesKind; stage: CandidateStage | null }> => (s === 'STAGE_ENTRIES' ? q.stages.map((stage) => ({ series: s, stage })) : [{ series: s, stage: null }]))
    .map(({ series, stage }): Group => {
      const cells = keyed.get(groupKey(series, stage)) ?? [];
      const seen = new Map<string, Dims>();
      for (const c of cells) seen.set(keyOf(c.dims), c.dims);
      return { series, stage, cells, combos: q.by.length ? [...seen.values()].sort(compareDims) : [[]] };
    });
}

interface BucketAnswer {
  readonly rows: TrendRow[];
  readonly total: TrendTotal;
  readonly suppressed: number;
}

/** The rows and total of one group in one bucket: protection on the whole table, then the filter's rows. */
function bucketAnswer(q: CheckedTrends, g: Group, b: Bucket, selected: (dims: Dims) => boolean): BucketAnswer {
  const money = g.series === 'FINANCING_PRINCIPAL';
  const inBucket = new Map(g.cells.filter((c) => c.bucket === b.key).map((c) => [keyOf(c.dims), c]));
  const full = g.combos.map((dims) => {
    const c = inBucket.get(keyOf(dims));
    return { key: keyOf(dims), dims, count: c?.count ?? 0, people: c?.people ?? 0, amount: c?.amount ?? (money ? '0' : null) };
  });
  const withheld = withheldCells(q.view, full);
  const published = full.filter((c) => selected(c.dims));
  const rows = published.map((c): TrendRow => {
    const suppressed = withheld.has(c.key);
    const dim = (d: TrendDimension) => (q.by.includes(d) ? (c.dims[q.by.indexOf(d)] ?? null) : null);
    return {
      series: g.series,
      stage: g.stage,
      bucket: b.label,
      bucketStart: b.start,
      kecamatan: dim('KECAMATAN') as KotaSerangKecamatan | null,
      occupation: dim('OCCUPATION') as Occupation | null,
      route: dim('ROUTE') as Route | null,
      count: suppressed ? null : c.count,
      amount: suppressed || c.amount === null ? null : moneyFromMinor(c.amount, 'IDR'),
      suppressed,
    };
  });
  const people = published.reduce((n, c) => n + c.people, 0);
  const count = published.reduce((n, c) => n + c.count, 0);
  const amount: Money | null = money ? moneyFromMinor(published.reduce((n, c) => n + BigInt(c.amount ?? '0'), 0n).toString(), 'IDR') : null;
  const total = viewTotal(q.view, people, { count, amount }, published.map((c) => ({ suppressed: withheld.has(c.key) })));
  return {
    rows,
    total: { series: g.series, stage: g.stage, bucket: b.label, bucketStart: b.start, count: total.values.count, amount: total.values.amount ?? null, suppressed: total.suppressed },
    suppressed: rows.filter((r) => r.suppressed).length,
  };
}

@Resolver()
export class TrendsResolver {
  @Authorized(...AGGREGATE_RULE)
  @Query(() => Trends, {
    description:
      'Monthly (or weekly) series of registrations, stage entries, departures, returns, withdrawals, seats allocated and financing principal, from the stage, placement and financing histories (SQL GROUP BY GROUPING SETS), every bucket present, optionally by kecamatan, occupation or route. At most 120 buckets and 20000 rows. OFFICER (exact); ANALYST (protected view: whole past months only, no WEEK, one dimension, small cells suppressed with their bucket totals, filters on the `by` dimension only, the dimensions and financing plans as known at each month’s end so that a month that is over never moves; see `Disclosure`).',
  })
  async trends(@Args() args: TrendsArgs, @Ctx() ctx: GatewayContext): Promise<Trends> {
    const q = checkTrendsArgs(args, ctx);
    const buckets = trendBuckets(args.granularity, q.from, q.to);
    // protected view: the whole table (the filter names the `by` dimension only, applied to its rows below)
    // protected view: the dimensions and financing plans as known at each month's end, so a closed month never moves when a profile or a plan changes later
    const counts = await readTrendCounts(ctx.em, {
      ...q,
      granularity: args.granularity,
      filter: q.view.isProtected ? undefined : args.filter,
      profileAtBucketEnd: q.view.isProtected,
      plansAtMonthEnd: q.view.isProtected,
    });
    const groups = groupsOf(q, counts);
    const plannedRows = groups.reduce((n, g) => n + g.combos.length, 0) * buckets.length;
    if (plannedRows > MAX_TREND_ROWS)
      refuse(
        'TRENDS.TOO_MANY_ROWS',
        'by',
        `Jawaban akan memuat lebih dari ${MAX_TREND_ROWS} baris: persempit rentang, deret atau rincian.`,
        `The answer would hold more than ${MAX_TREND_ROWS} rows: narrow the range, the series or the breakdown.`,
        { max: MAX_TREND_ROWS },
        'LIMIT_EXCEEDED',
      );
    const filter = args.filter as CandidateFilter | undefined;
    const selected = (dims: Dims): boolean =>
      !q.view.isProtected ||
      q.by.every((d, i) => {
        const wanted = filter?.[TREND_DIMENSION_COLUMNS[d].filterKey] as readonly string[] | undefined;
        return !wanted?.length || (dims[i] !== null && wanted.includes(dims[i] as string));
      });
    const answers = groups.flatMap((g) => buckets.map((b) => bucketAnswer(q, g, b, selected)));
    return {
      granularity: args.granularity,
      from: q.from,
      to: q.to,
      by: [...q.by],
      buckets: buckets.map((b) => ({ label: b.label, start: b.start, end: b.end })),
      rows: answers.flatMap((a) => a.rows),
      totals: answers.map((a) => a.total),
      disclosure: disclosureOf(q.view, answers.reduce((n, a) => n + a.suppressed, 0)),
    };
  }
}
