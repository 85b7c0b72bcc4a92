/**
 * The city's up-front cash line (a program setting with history) and the indicator "no resident
 * sells belongings" (issue 12).
 *
 * - `setUpfrontCashLine` (OFFICER; ADMIN passes every rule): like every other program setting
 *   (quotas, MoUs, openings: WRITE_RULE), a write of the program officers; it runs
 *   use-cases/set-upfront-cash-line.use-case.ts (one transaction with its audit row; a refusal
 *   writes nothing).
 * - `upfrontCashLine(asOf)`: public, like the dated parameters the calculators read (the line is the
 *   city's stated policy, and a simulator may compare a person's cash with it); who set it is staff only.
 * - `upfrontCashOverLine`: an aggregate over people (AGGREGATE_RULE: OFFICER exact, ANALYST protected).
 */
import { Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { addMonths, assertWholePassedMonths, compareDates, type IsoDate } from '../../domain';
import { lineInForce, readUpfrontCashCells, readUpfrontCashLines, type UpfrontCashLineSetting } from '../../read-models/upfront-cash.read-model';
import { wibDayEnd } from '../../read-models/sql-filter';
import { AGGREGATE_RULE, PUBLIC_RULE, WRITE_RULE } from '../../security/rules';
import { setUpfrontCashLine } from '../../use-cases/set-upfront-cash-line.use-case';
import type { GatewayContext } from '../context';
import { GatewayError } from '../errors';
import { runUseCase } from '../run-use-case';
import { isoDateOf } from '../scalars';
import { checkProtectedFilter, datedAggregateView, todayWib } from '../types/disclosure.type';
import {
  periodBounds,
  SetUpfrontCashLineArgs,
  toUpfrontCashLineSettingGql,
  UpfrontCashLine,
  UpfrontCashLineArgs,
  UpfrontCashLineSettingGql,
  UpfrontCashOverLine,
  UpfrontCashOverLineArgs,
  upfrontCashOverLineOf,
  seatsKey,
  type PeriodLine,
} from '../types/upfront-cash.type';
import { readMonthlyInflows } from '../../read-models/stock-flow.read-model';

/** The longest range `upfrontCashOverLine` answers in one request (10 years of months). */
export const MAX_PERIODS = 120;

function monthsOf(from: IsoDate, to: IsoDate): string[] {
  const out: string[] = [];
  for (let d = `${from.slice(0, 7)}-01` as IsoDate; compareDates(d, to) <= 0 && out.length <= MAX_PERIODS; d = addMonths(d, 1)) out.push(d.slice(0, 7));
  return out;
}

function badRange(domainCode: string, field: string, id: string, en: string): GatewayError {
  return new GatewayError('BAD_USER_INPUT', { id, en }, { field: [field], domainCode });
}

@Resolver()
export class UpfrontCashResolver {
  @Authorized(...WRITE_RULE)
  @Mutation(() => UpfrontCashLineSettingGql, {
    description:
      'Set the city’s up-front cash line ("no resident sells belongings"), effective from a date, with its source. Adds a setting: earlier ones stay in the history (a later setting with the same date supersedes). Refusals (BAD_USER_INPUT, domainCode UPFRONT_CASH_LINE.*) write nothing. One transaction with its audit row. OFFICER.',
  })
  async setUpfrontCashLine(@Args() args: SetUpfrontCashLineArgs, @Ctx() ctx: GatewayContext): Promise<UpfrontCashLineSettingGql> {
    const r = await runUseCase(ctx, setUpfrontCashLine, {
      amount: { amount: args.input.amount.amount, currency: args.input.amount.currency },
      effectiveFrom: isoDateOf(args.input.effectiveFrom),
      source: args.input.source,
    });
    return toUpfrontCashLineSettingGql({ id: r.id, sequence: r.sequence, amountIdr: BigInt(r.amountIdr), effectiveFrom: r.effectiveFrom as IsoDate, source: r.source, setBy: r.setBy, setAt: r.setAt });
  }

  @Authorized(...PUBLIC_RULE)
  @Query(() => UpfrontCashLine, { description: 'The city’s up-front cash line in force on a date (NOT_SET when there is none: no default figure exists), and its history. Public.' })
  async upfrontCashLine(@Args() args: UpfrontCashLineArgs, @Ctx() ctx: GatewayContext): Promise<UpfrontCashLine> {
    const asOf = args.asOf ? isoDateOf(args.asOf) : todayWib(ctx);
    const history = await readUpfrontCashLines(ctx.em);
    const inForce = lineInForce(history, asOf);
    return { asOf, status: inForce ? 'SET' : 'NOT_SET', inForce: inForce ? toUpfrontCashLineSettingGql(inForce) : null, history: history.map(toUpfrontCashLineSettingGql) };
  }

  @Authorized(...AGGREGATE_RULE)
  @Query(() => UpfrontCashOverLine, {
    description:
      '"No resident sells belongings" as an indicator: per month (WIB) × kecamatan, how many candidates’ own cash before departure (the worker’s BEFORE_DEPARTURE cost shares of their placement, less their financing plan; see UpfrontCashBasis) is over the up-front cash line in force at the month’s end, and the total gap (what closing it would cost the city). Placements counted in the month their seat was allocated; cancelled ones left out (protected view: those cancelled by the month’s end, the basis `trends` SEATS_ALLOCATED counts on, whose seats a cell’s candidates must not differ from by 1 to minCellCount − 1; each month is read as known at its end: the line among the settings recorded by then, the kecamatan and financing plan of that time). With no line set, the counts of candidates still come, with lineStatus NOT_SET and overLine/gap null. OFFICER (exact), ANALYST (protected view: whole passed months, small cells and the sums over them withheld; see `Disclosure`).',
  })
  async upfrontCashOverLine(@Args() args: UpfrontCashOverLineArgs, @Ctx() ctx: GatewayContext): Promise<UpfrontCashOverLine> {
    const by = [...new Set(args.by ?? [])];
    const asked = { from: isoDateOf(args.from), to: isoDateOf(args.to) };
    if (compareDates(asked.from, asked.to) > 0) {
      throw badRange('UPFRONT_CASH.INVALID_RANGE', 'to', '`to` tidak boleh sebelum `from`.', '`to` may not be before `from`.');
    }
    const view = datedAggregateView(ctx, asked.to);
    checkProtectedFilter(view, args.filter, by.includes('KECAMATAN') ? ['kecamatans'] : []);
    // protected view: whole calendar months that are over, refused otherwise (not snapped), as trends and the funnel
    if (view.isProtected) assertWholePassedMonths(asked, todayWib(ctx), [asked.from.endsWith('-01') ? 'to' : 'from']);
    const { from, to } = asked;
    const months = monthsOf(from, to);
    if (months.length > MAX_PERIODS) {
      throw badRange('UPFRONT_CASH.RANGE_TOO_LONG', 'from', `Rentang paling panjang ${MAX_PERIODS} bulan.`, `The range may span at most ${MAX_PERIODS} months.`);
    }
    const settings: UpfrontCashLineSetting[] = await readUpfrontCashLines(ctx.em);
    // protected view, bitemporal: the line in force at the month's end among the settings recorded by
    // then (a setting recorded later, even with an earlier effective date, never moves a closed month)
    const lineAt = (end: IsoDate) => lineInForce(settings, end, view.isProtected ? new Date(wibDayEnd(end)) : undefined);
    const periods: PeriodLine[] = months.map((m) => ({ period: m, line: lineAt(periodBounds(m).end as IsoDate)?.amountIdr ?? null }));
    const basis = args.basis ?? 'NET_OF_FINANCING_PLAN';
    // one basis in the protected view: the over-line counts of the two bases, each published on its
    // own, would differ by the few people whose financing alone brings them under the line
    if (view.isProtected && basis !== 'NET_OF_FINANCING_PLAN') {
      throw new GatewayError(
        'BAD_USER_INPUT',
        {
          id: 'Tampilan terlindungi hanya memakai basis NET_OF_FINANCING_PLAN (selisih dua basis dapat membuka kelompok kecil).',
          en: 'The protected view takes the NET_OF_FINANCING_PLAN basis only (the difference between two bases could give a small group away).',
        },
        { field: ['basis'], domainCode: 'DISCLOSURE.FILTER_NOT_ALLOWED' },
      );
    }
    const cells = await readUpfrontCashCells(ctx.em, {
      from,
      to,
      months: periods.map((p) => ({ month: p.period, line: p.line })),
      basis,
      filter: args.filter,
      // protected view: each month as known at its end (kecamatan then, cancellations by then)
      asKnownAtMonthEnd: view.isProtected,
    });
    // protected view: the seats trends publishes for the same months × kecamatans (one basis: not
    // cancelled by the month's end), against which a cell's candidates must not differ by a few
    const seats = view.isProtected ? new Map<string, number>() : undefined;
    if (seats)
      for (const c of await readMonthlyInflows(ctx.em, ['SEATS_ALLOCATED'], to, ctx.loaders))
        if (c.month >= from) seats.set(seatsKey(c.month.slice(0, 7), c.kecamatan), (seats.get(seatsKey(c.month.slice(0, 7), c.kecamatan)) ?? 0) + c.count);
    return upfrontCashOverLineOf(view, { from, to, granularity: args.granularity ?? 'MONTH', by, basis }, periods, cells, seats);
  }
}
