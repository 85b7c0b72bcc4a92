/**
 * The city's up-front cash line as a program setting, and the indicator "no resident sells
 * belongings" (issue 12): GraphQL types, inputs, and the indicator's table assembled from its finest
 * cells (month × kecamatan, read-models/upfront-cash.read-model.ts) with disclosure control.
 *
 * Disclosure control (protected view): a month × kecamatan cell with 1 to minCellCount − 1
 * candidates is suppressed; its `overLine` is a sub-count (null when it or the rest of the cell is
 * 1 to minCellCount − 1) and its gap is published only with it (a gap over few people is their own
 * cash). A month row (no KECAMATAN in `by`) and the totals add up finest cells and are published only
 * when every cell they add is: so a month minus its kecamatans, or the totals minus the rows, or a
 * kecamatan filter against none, never isolates a suppressed cell. Ranges must be whole calendar
 * months (WIB) that are over (DISCLOSURE.RANGE_NOT_WHOLE_MONTHS otherwise), so two ranges differ by
 * whole month cells only, each published or withheld on its own. Against `trends` SEATS_ALLOCATED,
 * which counts seats on the same basis (not cancelled by the month's end): a cell whose candidates
 * differ from the seats `trends` publishes for it by 1 to minCellCount − 1 is withheld (`seats`).
 */
import { IsIn, IsOptional, MaxLength, ValidateNested, ArrayMaxSize } from 'class-validator';
import { Authorized, Field, ID, InputType, Int, ArgsType, ObjectType, registerEnumType } from 'type-graphql';
import { CURRENCIES, daysInMonth, isSmallCell, type Currency, type KotaSerangKecamatan } from '../../domain';
import { STAFF_RULE } from '../../security/rules';
import { UPFRONT_CASH_BASES, type UpfrontCashBasis, type UpfrontCashCell, type UpfrontCashLineSetting } from '../../read-models/upfront-cash.read-model';
import { KecamatanEnum } from '../enums';
import { CandidateFilter } from '../inputs/candidate-filter.input';
import { DateScalar, DateTimeScalar } from '../scalars';
import { CurrencyEnum, Money, moneyFromMinor } from './money.type';
import { Disclosure, disclosureOf, viewCell, viewPart, type AggregateView } from './disclosure.type';

// ---------------------------------------------------------------- enums

export const UPFRONT_CASH_LINE_STATUSES = ['SET', 'NOT_SET'] as const;
export type UpfrontCashLineStatus = (typeof UPFRONT_CASH_LINE_STATUSES)[number];
export const UpfrontCashLineStatusEnum = { SET: 'SET', NOT_SET: 'NOT_SET' } as const;
registerEnumType(UpfrontCashLineStatusEnum, {
  name: 'UpfrontCashLineStatus',
  description: 'Whether the city’s up-front cash line is set for a date (a stable code: the gateway never invents a figure).',
  valuesConfig: {
    SET: { description: 'A setting is in force: `line` holds it.' },
    NOT_SET: { description: 'No setting is in force (none recorded, or none effective yet): the line and every figure judged against it are null.' },
  },
});

export const UpfrontCashBasisEnum = Object.fromEntries(UPFRONT_CASH_BASES.map((b) => [b, b])) as { [K in UpfrontCashBasis]: K };
registerEnumType(UpfrontCashBasisEnum, {
  name: 'UpfrontCashBasis',
  description: 'How the worker’s own cash before departure is computed.',
  valuesConfig: {
    NET_OF_FINANCING_PLAN: {
      description:
        'max(0, the worker’s BEFORE_DEPARTURE cost shares − the amounts of the candidate’s financing plan (loans and grants)), as the domain’s cost estimate applies financing. Assumes the financing arrives before departure (the plan stores no pay-out dates): a lower bound.',
    },
    BEFORE_FINANCING: { description: 'The worker’s BEFORE_DEPARTURE cost shares, no financing subtracted: the cash to find if no financing arrives before departure (an upper bound).' },
  },
});

export const UPFRONT_CASH_GRANULARITIES = ['MONTH'] as const;
export type UpfrontCashGranularity = (typeof UPFRONT_CASH_GRANULARITIES)[number];
export const UpfrontCashGranularityEnum = { MONTH: 'MONTH' } as const;
registerEnumType(UpfrontCashGranularityEnum, {
  name: 'UpfrontCashGranularity',
  description: 'Periods of `upfrontCashOverLine`.',
  valuesConfig: { MONTH: { description: 'Calendar months in WIB (Asia/Jakarta).' } },
});

export const UPFRONT_CASH_DIMENSIONS = ['KECAMATAN'] as const;
export type UpfrontCashDimension = (typeof UPFRONT_CASH_DIMENSIONS)[number];
export const UpfrontCashDimensionEnum = { KECAMATAN: 'KECAMATAN' } as const;
registerEnumType(UpfrontCashDimensionEnum, {
  name: 'UpfrontCashDimension',
  description: 'Dimensions `upfrontCashOverLine` can group by besides the period.',
  valuesConfig: { KECAMATAN: { description: 'The candidate’s kecamatan (null: not a recognised Kota Serang one).' } },
});

// ---------------------------------------------------------------- the setting

@ObjectType({ description: 'One setting of the city’s up-front cash line: a value effective from a date, with its source (history is kept; nothing is overwritten).' })
export class UpfrontCashLineSettingGql {
  @Field(() => ID, { description: 'The setting.' }) id!: string;
  @Field(() => Int, { description: '1, 2, 3, … in the order settings were made (of two with the same effective date, the higher one is in force).' }) sequence!: number;
  @Field(() => Money, { description: 'The line: the most cash (IDR) a worker should have to find up front.' }) amount!: Money;
  @Field(() => DateScalar, { description: 'In force from this date (until a setting with a later date, or a later setting with the same date).' }) effectiveFrom!: string;
  @Field(() => String, { description: 'Where the figure comes from (e.g. a decree).' }) source!: string;
  @Field(() => DateTimeScalar, { description: 'When it was set.' }) setAt!: Date;
  @Authorized(...STAFF_RULE)
  @Field(() => String, { description: 'Who set it (`apiKey:<keyId>`, `jwt:<subject>`): staff only (OFFICER, PARTNER, ANALYST, ADMIN).' })
  setBy!: string;
}

@ObjectType({ description: 'The city’s up-front cash line on a date, and every setting ever made.' })
export class UpfrontCashLine {
  @Field(() => DateScalar, { description: 'The date asked for (default today, WIB).' }) asOf!: string;
  @Field(() => UpfrontCashLineStatusEnum, { description: 'SET, or NOT_SET when no setting is in force on asOf (there is no default figure).' }) status!: UpfrontCashLineStatus;
  @Field(() => UpfrontCashLineSettingGql, { nullable: true, description: 'The setting in force on asOf; null when NOT_SET.' }) inForce!: UpfrontCashLineSettingGql | null;
  @Field(() => [UpfrontCashLineSettingGql], { description: 'Every setting, by effective date then in the order made (later ones with the same date supersede earlier ones).' }) history!: UpfrontCashLineSettingGql[];
}

@InputType({ description: 'An amount of money: integer minor units as a decimal string, and the currency.' })
export class MoneyInput {
  @Field(() => String, { description: 'Integer minor units as a decimal string (whole rupiah for IDR), e.g. "5000000".' })
  @MaxLength(40)
  amount!: string;

  @Field(() => CurrencyEnum, { description: 'Currency.' })
  @IsIn([...CURRENCIES])
  currency!: Currency;
}

@InputType({ description: 'A new value of the city’s up-front cash line.' })
export class SetUpfrontCashLineInput {
  @Field(() => MoneyInput, { description: 'The line, in IDR, whole rupiah above zero (UPFRONT_CASH_LINE.CURRENCY_NOT_IDR, .AMOUNT_NOT_WHOLE_RUPIAH, .AMOUNT_NOT_POSITIVE).' })
  @ValidateNested()
  amount!: MoneyInput;

  @Field(() => DateScalar, { description: 'In force from this date: from the program’s first MoU (2025-12-08) to one year after today (UPFRONT_CASH_LINE.EFFECTIVE_FROM_IMPLAUSIBLE).' })
  effectiveFrom!: Date;

  @Field(() => String, { description: 'Where the figure comes from, e.g. the decree that sets it (required, not blank: UPFRONT_CASH_LINE.SOURCE_REQUIRED; at most 2,000 characters).' })
  @MaxLength(4000)
  source!: string;
}

@ArgsType()
export class SetUpfrontCashLineArgs {
  @Field(() => SetUpfrontCashLineInput, { description: 'The new value.' })
  @ValidateNested()
  input!: SetUpfrontCashLineInput;
}

@ArgsType()
export class UpfrontCashLineArgs {
  @Field(() => DateScalar, { nullable: true, description: 'Date (default today, WIB).' })
  @IsOptional()
  asOf?: Date;
}

export function toUpfrontCashLineSettingGql(s: UpfrontCashLineSetting): UpfrontCashLineSettingGql {
  return { id: s.id, sequence: s.sequence, amount: moneyFromMinor(s.amountIdr.toString(), 'IDR'), effectiveFrom: s.effectiveFrom, source: s.source, setAt: s.setAt, setBy: s.setBy };
}

// ---------------------------------------------------------------- the indicator

@ArgsType()
export class UpfrontCashOverLineArgs {
  @Field(() => DateScalar, { description: 'First day (placements allocated on or after it). Protected view: the 1st of a month (whole calendar months that are over, else DISCLOSURE.RANGE_NOT_WHOLE_MONTHS).' })
  from!: Date;

  @Field(() => DateScalar, { description: 'Last day (inclusive). Protected view: the last day of a month that is over.' })
  to!: Date;

  @Field(() => UpfrontCashGranularityEnum, { nullable: true, description: 'Periods (default MONTH, WIB).' })
  @IsOptional() @IsIn([...UPFRONT_CASH_GRANULARITIES])
  granularity?: UpfrontCashGranularity;

  @Field(() => [UpfrontCashDimensionEnum], { nullable: true, description: 'Group each period further (default none: one row per period).' })
  @IsOptional() @ArrayMaxSize(2) @IsIn([...UPFRONT_CASH_DIMENSIONS], { each: true })
  by?: UpfrontCashDimension[];

  @Field(() => UpfrontCashBasisEnum, { nullable: true, description: 'How own cash is computed (default NET_OF_FINANCING_PLAN).' })
  @IsOptional() @IsIn([...UPFRONT_CASH_BASES])
  basis?: UpfrontCashBasis;

  @Field(() => CandidateFilter, { nullable: true, description: 'Which candidates (the same filter as `candidates`). Protected view: `kecamatans` only, when grouping by KECAMATAN.' })
  @IsOptional() @ValidateNested()
  filter?: CandidateFilter;
}

@ObjectType({ description: 'One period (× kecamatan) of the indicator.' })
export class UpfrontCashOverLineRow {
  @Field(() => String, { description: 'The period: YYYY-MM (WIB).' }) period!: string;
  @Field(() => DateScalar, { description: 'First day of the period.' }) periodStart!: string;
  @Field(() => DateScalar, { description: 'Last day of the period.' }) periodEnd!: string;
  @Field(() => KecamatanEnum, { nullable: true, description: 'Kecamatan (null unless grouped by KECAMATAN, or not a recognised Kota Serang one).' }) kecamatan!: KotaSerangKecamatan | null;
  @Field(() => UpfrontCashLineStatusEnum, { description: 'Whether a line is in force on the period’s last day (NOT_SET: overLine and gap are null).' }) lineStatus!: UpfrontCashLineStatus;
  @Field(() => Money, { nullable: true, description: 'The line in force on the period’s last day; null when NOT_SET.' }) line!: Money | null;
  @Field(() => Int, { nullable: true, description: 'Candidates with a placement allocated in the period, with a stored estimate (protected view: not cancelled by the period’s end, the basis of `trends` SEATS_ALLOCATED; exact view: not cancelled today); null when withheld (protected view; also when it differs from the seats `trends` publishes for the cell by 1 to minCellCount − 1).' }) candidates!: number | null;
  @Field(() => Int, { nullable: true, description: 'Of which with own cash before departure over the line; null when NOT_SET or withheld.' }) overLine!: number | null;
  @Field(() => Money, { nullable: true, description: 'Σ (own cash − line) over them (IDR): what it would cost the city to bring them down to the line; null when NOT_SET or withheld.' }) gap!: Money | null;
  @Field(() => Boolean, { description: 'True when a figure is withheld by disclosure control (not for NOT_SET).' }) suppressed!: boolean;
}

@ObjectType({
  description:
    '"No resident sells belongings" as an indicator: per period (× kecamatan), how many candidates’ own cash before departure is over the city’s up-front cash line in force, and the total gap.',
})
export class UpfrontCashOverLine {
  @Field(() => DateScalar, { description: 'First day counted.' }) from!: string;
  @Field(() => DateScalar, { description: 'Last day counted.' }) to!: string;
  @Field(() => UpfrontCashGranularityEnum, { description: 'Periods.' }) granularity!: UpfrontCashGranularity;
  @Field(() => [UpfrontCashDimensionEnum], { description: 'Dimensions grouped by besides the period.' }) by!: UpfrontCashDimension[];
  @Field(() => UpfrontCashBasisEnum, { description: 'How own cash was computed.' }) basis!: UpfrontCashBasis;
  @Field(() => [UpfrontCashOverLineRow], { description: 'One row per non-empty period (× kecamatan).' }) rows!: UpfrontCashOverLineRow[];
  @Field(() => Int, { description: 'Periods of the range with no line in force (their rows have overLine and gap null).' }) periodsWithoutLine!: number;
  @Field(() => Int, { nullable: true, description: 'Σ candidates of the rows (a candidate with placements in two periods counts in both); null when withheld.' }) candidates!: number | null;
  @Field(() => Int, { nullable: true, description: 'Σ overLine of the rows; null when a period has no line or a figure is withheld.' }) overLine!: number | null;
  @Field(() => Money, { nullable: true, description: 'Σ gap of the rows (IDR): the cost to the city of closing every gap; null when a period has no line or a figure is withheld.' }) gap!: Money | null;
  @Field(() => Disclosure, { description: 'How the figures were protected (`suppressedCells`: rows with a withheld figure).' }) disclosure!: Disclosure;
}

/** A period and the line judged against in it. */
export interface PeriodLine {
  readonly period: string;
  readonly line: bigint | null;
}

export function periodBounds(period: string): { start: string; end: string } {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return { start: `${period}-01`, end: `${period}-${String(daysInMonth(y, m)).padStart(2, '0')}` };
}

interface CellFigures {
  readonly candidates: number | null;
  readonly overLine: number | null;
  readonly gap: bigint | null;
}

/** The key of a month (YYYY-MM) × kecamatan in the `seats` of `upfrontCashOverLineOf`. */
export const seatsKey = (month: string, kecamatan: string | null): string => JSON.stringify([month, kecamatan]);

/** The indicator from its finest cells. */
export function upfrontCashOverLineOf(
  view: AggregateView,
  head: { from: string; to: string; granularity: UpfrontCashGranularity; by: UpfrontCashDimension[]; basis: UpfrontCashBasis },
  periods: readonly PeriodLine[],
  cells: readonly UpfrontCashCell[],
  /**
   * Protected view: the seats `trends` publishes as SEATS_ALLOCATED per month × kecamatan
   * (`seatsKey`), on the same basis (not cancelled by the month's end). A cell whose candidates
   * differ from them by 1 to minCellCount − 1 (placements without a stored estimate, a second seat of
   * one person in the month) is withheld: the two answers subtracted would give those few away.
   */
  seats?: ReadonlyMap<string, number>,
): UpfrontCashOverLine {
  const lineOf = new Map(periods.map((p) => [p.period, p.line]));
  const finest: Array<{ cell: UpfrontCashCell; fig: CellFigures }> = cells.map((cell) => {
    const line = lineOf.get(cell.month) ?? null;
    const apart = seats && view.rule ? isSmallCell(Math.abs((seats.get(seatsKey(cell.month, cell.kecamatan)) ?? 0) - cell.candidates), view.rule) : false;
    const c = apart ? { suppressed: true, values: { candidates: null as number | null } } : viewCell(view, cell.candidates, { candidates: cell.candidates });
    const over = line === null ? null : viewPart(view, cell.overLine, cell.candidates, c.suppressed);
    return { cell, fig: { candidates: c.values.candidates, overLine: over, gap: over === null ? null : cell.gap } };
  });
  const sum = (xs: readonly CellFigures[]): CellFigures => ({
    candidates: xs.every((x) => x.candidates !== null) ? xs.reduce((n, x) => n + (x.candidates ?? 0), 0) : null,
    overLine: xs.every((x) => x.overLine !== null) ? xs.reduce((n, x) => n + (x.overLine ?? 0), 0) : null,
    gap: xs.every((x) => x.gap !== null) ? xs.reduce((n, x) => n + (x.gap ?? 0n), 0n) : null,
  });
  const byKecamatan = head.by.includes('KECAMATAN');
  const groups = new Map<string, { period: string; kecamatan: KotaSerangKecamatan | null; figs: CellFigures[] }>();
  for (const f of finest) {
    const kecamatan = byKecamatan ? f.cell.kecamatan : null;
    const key = JSON.stringify([f.cell.month, kecamatan]);
    const g = groups.get(key) ?? { period: f.cell.month, kecamatan, figs: [] };
    g.figs.push(f.fig);
    groups.set(key, g);
  }
  const rows: UpfrontCashOverLineRow[] = [...groups.values()].map((g) => {
    const line = lineOf.get(g.period) ?? null;
    const s = sum(g.figs);
    const { start, end } = periodBounds(g.period);
    return {
      period: g.period,
      periodStart: start,
      periodEnd: end,
      kecamatan: g.kecamatan,
      lineStatus: line === null ? 'NOT_SET' : 'SET',
      line: line === null ? null : moneyFromMinor(line.toString(), 'IDR'),
      candidates: s.candidates,
      overLine: s.overLine,
      gap: s.gap === null ? null : moneyFromMinor(s.gap.toString(), 'IDR'),
      suppressed: s.candidates === null || (line !== null && (s.overLine === null || s.gap === null)),
    };
  });
  const all = sum(finest.map((f) => f.fig));
  return {
    ...head,
    rows,
    periodsWithoutLine: periods.filter((p) => p.line === null).length,
    candidates: all.candidates,
    overLine: all.overLine,
    gap: all.gap === null ? null : moneyFromMinor(all.gap.toString(), 'IDR'),
    disclosure: disclosureOf(view, rows.filter((r) => r.suppressed).length),
  };
}
