/**
 * `funnel` (issue 12): for the candidates registered in a period, the people who reached each stage,
 * the conversion from the stage before and from registration, the median and p90 days between
 * stages, and the exits (WITHDRAWN / REJECTED by the stage left and the exit reason code). The SQL and the definitions are in
 * read-models/funnel.read-model.ts.
 *
 * Disclosure control (the protected view, ANALYST):
 * - the period must be whole calendar months that are over (`DISCLOSURE.RANGE_NOT_WHOLE_MONTHS`), the
 *   cohort is followed to the reference date (the last month end that has passed), and no filter is
 *   accepted (the funnel reports no dimension);
 * - **the registration month is the cell**: each published figure is the sum over the period's
 *   months of monthly figures that are each publishable on their own, and whether it is publishable
 *   in a month does not depend on the period asked for. Two periods that share months (Q1 and
 *   January, January–February and January) then differ by monthly figures that are 0 or at least k:
 *   differencing adjacent or nested periods isolates nobody;
 * - within a month, the stages are a chain (reached(S) ⊇ reached(next)): a stage is published only
 *   when its count and its drop from the last stage published before it are 0 or ≥ k, so that the
 *   difference of any two published counts is 0 or ≥ k; a stage is published for the period only
 *   when it is in every month;
 * - exits sit in the gaps of that chain: an exit cell is (kind, stage left, reason code); in a month,
 *   the exit cells of a gap are published only when each is 0 or ≥ k and so is the rest of the gap
 *   (the people who stayed in those stages). All or none of a gap's cells are published, so a reason
 *   cell of 1 to k − 1 also withholds the other reasons of its gap (secondary suppression): neither
 *   the gap nor an exit total minus the published reasons isolates it; an exit row is
 *   published for the period only when it is in every month; the total of a kind only when all its
 *   rows are;
 * - rates only between published counts; median / p90 only for a published stage whose step at least
 *   k people made (never one person's value).
 */
import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { assertWholePassedMonths, CANDIDATE_EXIT_REASONS, ratioOf, ratioToDecimalString, type CandidateExitReason, type CandidateStage, type IsoDate } from '../../domain';
import { FUNNEL_EXITS, FUNNEL_STAGES, readFunnelCounts, readFunnelCountsAt, type FunnelCounts, type FunnelExitKind } from '../../read-models/funnel.read-model';
import { checkedDateRange, wibDayEnd } from '../../read-models/sql-filter';
import { monthEndsBetween } from '../../read-models/candidate-count-series.read-model';
import { AGGREGATE_RULE } from '../../security/rules';
import type { GatewayContext } from '../context';
import { GatewayError } from '../errors';
import { nowTimestamp } from '../ids';
import { isoDateOf } from '../scalars';
import { checkProtectedFilter, datedAggregateView, disclosureOf, todayWib, type AggregateView } from '../types/disclosure.type';
import { Funnel, FunnelArgs, type FunnelExitRow, type FunnelExitTotal, type FunnelStageRow } from '../types/funnel.type';


/** The fewest steps whose p90 the protected view publishes: with 11 values, 0.9·(n − 1) = 9 lies below the largest. */
const P90_MIN_STEPS = 11;
/** Most registration months a protected funnel may span. */
export const MAX_FUNNEL_MONTHS = 120;

const rate = (num: number | null, den: number | null): string | null =>
  num === null || den === null || den === 0 ? null : ratioToDecimalString(ratioOf(BigInt(num), BigInt(den)), 4);

/** The calendar months (`YYYY-MM`) from `from` to `to`. */
export function monthsOf(from: IsoDate, to: IsoDate): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`);
    if (++m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

const exitKey = (kind: FunnelExitKind, from: CandidateStage | null, reason: CandidateExitReason | null) => `${kind}|${from ?? ''}|${reason ?? ''}`;

/** Which stages (indexes) and exit rows are publishable in one month (protected view). */
function monthDecisions(k: number, furthest: readonly number[], exits: ReadonlyMap<string, number>): { stages: boolean[]; exits: Set<string> } {
  const ok = (n: number) => n === 0 || n >= k;
  const reached = FUNNEL_STAGES.map((_, i) => furthest.slice(i).reduce((a, b) => a + b, 0));
  const stages: boolean[] = [];
  let last: number | null = null;
  for (let i = 0; i < reached.length; i++) {
    const pub = ok(reached[i]!) && (last === null || ok(reached[last]! - reached[i]!));
    stages.push(pub);
    if (pub) last = i;
  }
  // the gaps of the chain: [p_j, p_{j+1}) and [p_last, end]; before the first published stage the gap's size is not published
  const published = stages.flatMap((p, i) => (p ? [i] : []));
  const spanOf = (i: number): number => {
    let s = -1;
    for (let j = 0; j < published.length; j++) if (published[j]! <= i) s = j;
    return s;
  };
  const bySpan = new Map<number, Array<[string, number]>>();
  for (const [key, n] of exits) {
    const from = key.split('|')[1] as CandidateStage | '';
    const idx = from === '' ? -1 : FUNNEL_STAGES.indexOf(from);
    const span = idx < 0 ? -1 : spanOf(idx);
    bySpan.set(span, [...(bySpan.get(span) ?? []), [key, n]]);
  }
  const out = new Set<string>();
  for (const [span, cells] of bySpan) {
    if (!cells.every(([, n]) => ok(n))) continue;
    if (span >= 0) {
      const start = published[span]!;
      const next = published[span + 1];
      const gap = reached[start]! - (next === undefined ? 0 : reached[next]!);
      if (!ok(gap - cells.reduce((a, [, n]) => a + n, 0))) continue;
    }
    for (const [key] of cells) out.add(key);
  }
  return { stages, exits: out };
}

/** The funnel of `counts` in `view`; `months` are the period's registration months (protected view). */
export function protectFunnel(view: AggregateView, counts: FunnelCounts, months: readonly string[]): Omit<Funnel, 'registeredFrom' | 'registeredTo' | 'asOf'> {
  const perMonth = new Map<string, number[]>();
  const exitsPerMonth = new Map<string, Map<string, number>>();
  const furthestOf = (m: string) => perMonth.get(m) ?? FUNNEL_STAGES.map(() => 0);
  for (const f of counts.furthest) {
    const arr = furthestOf(f.month);
    arr[f.furthest] = (arr[f.furthest] ?? 0) + f.people;
    perMonth.set(f.month, arr);
  }
  const exitKeys = new Map<string, { kind: FunnelExitKind; fromStage: CandidateStage | null; reason: CandidateExitReason | null }>();
  for (const e of counts.exits) {
    const key = exitKey(e.kind, e.fromStage, e.reason);
    exitKeys.set(key, { kind: e.kind, fromStage: e.fromStage, reason: e.reason });
    const m = exitsPerMonth.get(e.month) ?? new Map<string, number>();
    m.set(key, (m.get(key) ?? 0) + e.people);
    exitsPerMonth.set(e.month, m);
  }
  const allMonths = view.isProtected ? months : [...new Set([...perMonth.keys()])];
  const totalFurthest = FUNNEL_STAGES.map((_, i) => allMonths.reduce((n, m) => n + (furthestOf(m)[i] ?? 0), 0));
  const reachedTotal = FUNNEL_STAGES.map((_, i) => totalFurthest.slice(i).reduce((a, b) => a + b, 0));
  const exitTotal = (key: string) => counts.exits.filter((e) => exitKey(e.kind, e.fromStage, e.reason) === key).reduce((n, e) => n + e.people, 0);

  let stagePublished = FUNNEL_STAGES.map(() => true);
  let exitPublished = new Set(exitKeys.keys());
  const k = view.rule?.minCellCount;
  if (k !== undefined) {
    for (const m of allMonths) {
      // every exit row of the period is checked in every month (0 where the month has none)
      const monthExits = new Map([...exitKeys.keys()].map((key) => [key, exitsPerMonth.get(m)?.get(key) ?? 0] as const));
      const d = monthDecisions(k, furthestOf(m), monthExits);
      stagePublished = stagePublished.map((p, i) => p && d.stages[i]!);
      exitPublished = new Set([...exitPublished].filter((key) => d.exits.has(key)));
    }
  }
  const reached = reachedTotal.map((n, i) => (stagePublished[i] ? n : null));
  const durations = new Map(counts.durations.map((d) => [d.stage, d]));
  const rows: FunnelStageRow[] = FUNNEL_STAGES.map((stage, i) => {
    const d = durations.get(stage);
    const showDays = reached[i] !== null && d !== undefined && d.people > 0 && (k === undefined || d.people >= k);
    // percentile_cont(0.9) over n values interpolates at position 0.9·(n − 1): below P90_MIN_STEPS it
    // leans on the largest value, one person's, so the protected view publishes it only from there
    const showP90 = showDays && (k === undefined || d.people >= P90_MIN_STEPS);
    return {
      stage,
      reached: reached[i]!,
      rateFromPrevious: i === 0 ? null : rate(reached[i]!, reached[i - 1]!),
      rateFromRegistration: rate(reached[i]!, reached[0]!),
      medianDaysFromPrevious: showDays ? d.median : null,
      p90DaysFromPrevious: showP90 ? d!.p90 : null,
      suppressed: reached[i] === null,
    };
  });
  const order = (s: CandidateStage | null) => (s === null ? 99 : FUNNEL_STAGES.indexOf(s));
  const reasonOrder = (r: CandidateExitReason | null) => (r === null ? 99 : CANDIDATE_EXIT_REASONS.indexOf(r));
  const exits: FunnelExitRow[] = [...exitKeys.entries()]
    .sort(
      ([, a], [, b]) =>
        FUNNEL_EXITS.indexOf(a.kind) - FUNNEL_EXITS.indexOf(b.kind) || order(a.fromStage) - order(b.fromStage) || reasonOrder(a.reason) - reasonOrder(b.reason),
    )
    .map(([key, e]) => {
      const published = exitPublished.has(key);
      return { exit: e.kind, fromStage: e.fromStage, reason: e.reason, count: published ? exitTotal(key) : null, suppressed: !published };
    });
  const exitTotals: FunnelExitTotal[] = FUNNEL_EXITS.map((kind) => {
    const mine = exits.filter((e) => e.exit === kind);
    const n = counts.exits.filter((e) => e.kind === kind).reduce((a, e) => a + e.people, 0);
    const suppressed = mine.some((e) => e.suppressed) || (k !== undefined && n > 0 && n < k);
    return { exit: kind, count: suppressed ? null : n, suppressed };
  });
  const suppressedCells = rows.filter((r) => r.suppressed).length + exits.filter((e) => e.suppressed).length;
  return { cohort: reached[0]!, rows, exits, exitTotals, disclosure: disclosureOf(view, suppressedCells) };
}

/** Month ends followed in the protected view (the last ones up to the reference date). */
const MAX_FOLLOW_UP_MONTHS = 36;

/** The month ends from the one of `from`'s month to `to` (both month ends in the protected view). */
function monthEndsFrom(from: IsoDate, to: IsoDate): IsoDate[] {
  const out = monthEndsBetween(from, to);
  return out.length ? out : [to];
}

type FunnelAnswer = ReturnType<typeof protectFunnel>;

/**
 * The same cohort asked at two month ends must not differ by 1 to k − 1 in any published figure (one
 * exit, one more person reaching a stage): chronologically, a figure published by its month's own
 * rules is published only if it differs from every value published before by 0 or at least k; the
 * rates and day figures of a withheld stage go with it. Returns the answer of the last month end.
 */
export function protectFunnelSeries(view: AggregateView, answers: readonly FunnelAnswer[]): FunnelAnswer {
  const k = view.rule?.minCellCount ?? 1;
  const history = new Map<string, number[]>();
  const keep = (key: string, v: number | null): boolean => {
    if (v === null) return false;
    const seen = history.get(key) ?? [];
    const ok = seen.every((p) => p === v || Math.abs(p - v) >= k);
    if (ok) history.set(key, [...seen, v]);
    return ok;
  };
  let last = answers[answers.length - 1]!;
  for (const a of answers) {
    const reached = a.rows.map((r) => (keep(`stage:${r.stage}`, r.reached) ? r.reached : null));
    const rows = a.rows.map((r, i) =>
      reached[i] === null
        ? { ...r, reached: null, rateFromPrevious: null, rateFromRegistration: null, medianDaysFromPrevious: null, p90DaysFromPrevious: null, suppressed: true }
        : { ...r, rateFromPrevious: i > 0 && reached[i - 1] === null ? null : r.rateFromPrevious, rateFromRegistration: reached[0] === null ? null : r.rateFromRegistration },
    );
    const exits = a.exits.map((e) => (keep(`exit:${e.exit}:${e.fromStage}:${e.reason}`, e.count) ? e : { ...e, count: null, suppressed: true }));
    const exitTotals = a.exitTotals.map((t) => {
      const anyWithheld = exits.some((e) => e.exit === t.exit && e.suppressed);
      return !anyWithheld && keep(`total:${t.exit}`, t.count) ? t : { ...t, count: null, suppressed: true };
    });
    const suppressedCells = rows.filter((r) => r.suppressed).length + exits.filter((e) => e.suppressed).length;
    last = { cohort: rows[0]?.reached ?? null, rows, exits, exitTotals, disclosure: disclosureOf(view, suppressedCells) };
  }
  return last;
}

@Resolver()
export class FunnelResolver {
  @Authorized(...AGGREGATE_RULE)
  @Query(() => Funnel, {
    description:
      'The funnel of the candidates registered in a period: people who reached each stage (in the domain’s order), conversion from the stage before and from registration, median and p90 days between stages (SQL percentile_cont), and exits (WITHDRAWN / REJECTED) by the stage left and the exit reason code. OFFICER (exact); ANALYST (protected view: whole past months, followed to the reference date, no filter, monthly cells suppressed, and every figure checked against its values at the earlier month ends of the follow-up; see `Disclosure`).',
  })
  async funnel(@Args() args: FunnelArgs, @Ctx() ctx: GatewayContext): Promise<Funnel> {
    const range = checkedDateRange(args.registered, ['registered']);
    const asOf = args.asOf ? isoDateOf(args.asOf) : undefined;
    const view = datedAggregateView(ctx, asOf);
    let months: string[] = [];
    if (view.isProtected) {
      checkProtectedFilter(view, args.filter, []);
      assertWholePassedMonths(range, todayWib(ctx), ['registered']);
      months = monthsOf(range.from, range.to);
      if (months.length > MAX_FUNNEL_MONTHS) {
        const error = new GatewayError(
          'BAD_USER_INPUT',
          { id: `Paling banyak ${MAX_FUNNEL_MONTHS} bulan pendaftaran per permintaan.`, en: `At most ${MAX_FUNNEL_MONTHS} registration months per request.` },
          { field: ['registered'], domainCode: 'FUNNEL.TOO_MANY_MONTHS', details: { max: MAX_FUNNEL_MONTHS } },
        );
        (error.extensions as Record<string, unknown>)['reason'] = 'LIMIT_EXCEEDED';
        throw error;
      }
    }
    const on: IsoDate = view.isProtected ? view.referenceDate : (asOf ?? todayWib(ctx));
    if (view.isProtected) {
      // the cohort at every month end from the end of its period to the reference date, each answer
      // protected on its own, then figure by figure against the earlier month ends (protectFunnelSeries)
      const ends = monthEndsFrom(range.to, on).slice(-MAX_FOLLOW_UP_MONTHS);
      const counts = await readFunnelCountsAt(ctx.em, { from: range.from, to: range.to, untils: ends.map(wibDayEnd), filter: undefined });
      const answers = counts.map((c) => protectFunnel(view, c, months));
      return { registeredFrom: range.from, registeredTo: range.to, asOf: on, ...protectFunnelSeries(view, answers) };
    }
    const until = asOf ? wibDayEnd(on) : nowTimestamp(ctx);
    const counts = await readFunnelCounts(ctx.em, { from: range.from, to: range.to, until, filter: args.filter });
    return { registeredFrom: range.from, registeredTo: range.to, asOf: on, ...protectFunnel(view, counts, months) };
  }
}
