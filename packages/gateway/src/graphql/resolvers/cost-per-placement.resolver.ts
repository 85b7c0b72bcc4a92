/**
 * `costPerPlacement` (issue 12): cost per placement by occupation, route, kecamatan and payer, from
 * the estimates stored at allocation (read-models/cost-per-placement.read-model.ts), with the split
 * by payer and by timing, and disclosure control (graphql/types/cost-per-placement.type.ts): the
 * exact view for OFFICER / ADMIN; for ANALYST / PARTNER at most one dimension
 * (`DISCLOSURE.TOO_MANY_DIMENSIONS`: two breakdowns of the same placements are the margins of a
 * cross table whose small cells they could pin down), the whole program's one-dimension tables with
 * cell suppression, and a `kecamatans` filter (by KECAMATAN only) selecting their rows afterwards.
 */
import { ArrayMaxSize, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { Args, ArgsType, Authorized, Ctx, Field, Query, Resolver } from 'type-graphql';
import { AGGREGATE_RULE } from '../../security/rules';
import { placementCostMarginKey, readCostPerPlacementCells, readCostPerPlacementMarginSeriesWithPlacements, readCostPerPlacementMargins } from '../../read-models/cost-per-placement.read-model';
import { monthEndsBetween } from '../../read-models/candidate-count-series.read-model';
import { costPlacementFlowSeries, readFirstAllocation, readMonthlyInflows } from '../../read-models/stock-flow.read-model';
import { GatewayError } from '../errors';
import type { GatewayContext } from '../context';
import { CandidateFilter } from '../inputs/candidate-filter.input';
import { DateScalar, isoDateOf } from '../scalars';
import { checkProtectedFilter, datedAggregateView } from '../types/disclosure.type';
import {
  COST_PER_PLACEMENT_DIMENSIONS,
  CostPerPlacement,
  CostPerPlacementDimensionEnum,
  costPerPlacementOf,
  protectedCostPerPlacementOf,
  type CostPerPlacementDimension,
} from '../types/cost-per-placement.type';

@ArgsType()
export class CostPerPlacementArgs {
  @Field(() => [CostPerPlacementDimensionEnum], { nullable: true, description: 'Dimensions to group by (default none: one row for everything). Repeats are ignored. Protected view: at most one (DISCLOSURE.TOO_MANY_DIMENSIONS).' })
  @IsOptional()
  @ArrayMaxSize(COST_PER_PLACEMENT_DIMENSIONS.length * 2)
  @IsIn([...COST_PER_PLACEMENT_DIMENSIONS], { each: true })
  by?: CostPerPlacementDimension[];

  @Field(() => CandidateFilter, {
    nullable: true,
    description:
      'Which candidates’ placements (the same filter as `candidates`). Protected view: `kecamatans` only, and only when grouping by KECAMATAN (the filter’s occupations and routes are the candidates’ targets, not the placements’, so they are refused there).',
  })
  @IsOptional() @ValidateNested()
  filter?: CandidateFilter;

  @Field(() => DateScalar, { nullable: true, description: 'Placements allocated on or before this date and not cancelled by then (default today, WIB). Protected view: snapped to the last month end that has passed.' })
  @IsOptional()
  asOf?: Date;
}

@Resolver()
export class CostPerPlacementResolver {
  @Authorized(...AGGREGATE_RULE)
  @Query(() => CostPerPlacement, {
    description:
      'Cost per placement by occupation, route, kecamatan and payer (any of them), from the cost estimates stored when each seat was allocated; cancelled placements left out. Per group: placements, total, average (whole rupiah, HALF_UP), split by payer and by timing (before departure / in Korea). OFFICER (exact), ANALYST (protected view: one dimension; a row, payer part or timing split of 1 to minCellCount − 1 candidates, or one that moved by that few since an earlier month end, or whose live placements against the seats `trends` publishes (SEATS_ALLOCATED) would give that few cancellations, is null, and the smallest other ones with it when the withheld ones together would be that few; filters on reported dimensions only; month-end dates, each with the kecamatan known at it; see `Disclosure`).',
  })
  async costPerPlacement(@Args() args: CostPerPlacementArgs, @Ctx() ctx: GatewayContext): Promise<CostPerPlacement> {
    const by = [...new Set(args.by ?? [])];
    const view = datedAggregateView(ctx, args.asOf ? isoDateOf(args.asOf) : undefined);
    if (view.isProtected && by.length > 1)
      throw new GatewayError(
        'BAD_USER_INPUT',
        { id: 'Untuk analis, biaya per penempatan dapat dirinci menurut satu dimensi saja.', en: 'For analysts the cost per placement can be broken down by one dimension only.' },
        { field: ['by'], domainCode: 'DISCLOSURE.TOO_MANY_DIMENSIONS' },
      );
    checkProtectedFilter(view, args.filter, by.includes('KECAMATAN') ? ['kecamatans'] : []);
    if (view.isProtected) {
      if (!view.rule) throw new GatewayError('INTERNAL_SERVER_ERROR');
      // the whole program's tables (a filter names the `by` dimension only and selects rows afterwards)
      const query = { asOf: view.referenceDate, filter: undefined };
      const [cells, { candidates: series, placements }] = [await readCostPerPlacementMargins(ctx.em, query), await readCostPerPlacementMarginSeriesWithPlacements(ctx.em, query)];
      // live placements against the seats trends publishes: their difference (the cancellations) passes the series check too
      const first = await readFirstAllocation(ctx.em);
      const monthEnds = first ? monthEndsBetween(first, view.referenceDate) : [];
      const inflows = monthEnds.length ? await readMonthlyInflows(ctx.em, ['SEATS_ALLOCATED'], view.referenceDate, ctx.loaders) : [];
      const flows = costPlacementFlowSeries(monthEnds, placements, inflows, (dimension, value) => placementCostMarginKey({ dimension, value, payer: null, timing: null }));
      const wanted = args.filter?.kecamatans;
      const selected = wanted?.length ? (value: string | null) => value !== null && (wanted as readonly string[]).includes(value) : undefined;
      return protectedCostPerPlacementOf(view, view.rule, by[0] ?? null, cells, series, selected, flows);
    }
    const query = { asOf: view.referenceDate, filter: args.filter };
    return costPerPlacementOf(view, view.referenceDate, by, await readCostPerPlacementCells(ctx.em, query));
  }
}
