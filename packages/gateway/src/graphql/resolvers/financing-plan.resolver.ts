/**
 * Financing plans: `setFinancingPlan` / `removeFinancingPlan` (officers), `candidate.financingPlan`
 * (batched: two statements for a page of any size), and each facility's repayment schedule
 * (recomputed by the domain from the stored terms, no SQL).
 *
 * The mutations parse their arguments and run use-cases/set-financing-plan.use-case.ts and
 * remove-financing-plan.use-case.ts (one transaction each; a refusal writes nothing).
 */
import { Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { money, repaymentSchedule } from '../../domain';
import { CandidateRecord, PlacementRecord } from '../../persistence/candidate.schema';
import { FinancingPlanFacilityRecord, FinancingPlanRecord } from '../../persistence/financing-plan.schema';
import { WRITE_RULE } from '../../security/rules';
import { candidateViewOf } from '../access';
import type { GatewayContext } from '../context';
import { GatewayError } from '../errors';
import { checkId } from '../ids';
import { runUseCase } from '../run-use-case';
import { removeFinancingPlan } from '../../use-cases/remove-financing-plan.use-case';
import { setFinancingPlan } from '../../use-cases/set-financing-plan.use-case';
import { byKeyLoader, groupLoader } from '../loaders';
import { isoDateOf } from '../scalars';
import { Candidate, Placement } from '../types/candidate.type';
import { RepaymentScheduleGql, toScheduleGql } from '../types/costs.type';
import {
  FINANCING_PLAN_READERS,
  FinancingFacility,
  FinancingPlan,
  RemoveFinancingPlanArgs,
  SetFinancingPlanArgs,
} from '../types/financing-plan.type';
import { moneyFromMinor } from '../types/money.type';
import { toCandidateGql, toPlacementGql, visible } from '../mappers/candidate.mapper';

// ---------------------------------------------------------------- mapping

const idr = (v: string | bigint | number): ReturnType<typeof moneyFromMinor> => moneyFromMinor(String(v), 'IDR');

export function toFinancingFacilityGql(r: FinancingPlanFacilityRecord): FinancingFacility {
  const loan = r.financingKind === 'LOAN';
  const statedBy = (r.product.sources ?? []).find((s) => typeof s.statedBy === 'string')?.statedBy ?? null;
  return {
    position: r.position,
    product: r.productId,
    kind: r.financingKind,
    productName: { id: r.product.name.id, en: r.product.name.en },
    provider: { id: r.product.provider.id, en: r.product.provider.en },
    statedBy,
    payer: r.payer,
    financier: r.financier,
    principal: idr(r.amountIdr),
    annualRate: r.annualRate,
    method: r.method,
    tenorMonths: r.tenorMonths,
    graceMonths: r.graceMonths,
    graceInterest: r.graceInterest,
    npwpRequired: r.npwpRequired,
    instalment: loan ? idr(r.instalmentIdr) : null,
    lastInstalment: loan ? idr(r.lastInstalmentIdr) : null,
    capitalisedInterest: idr(r.capitalisedInterestIdr),
    interest: idr(r.interestIdr),
    totalRepaid: idr(r.totalPaidIdr),
  };
}

export function toFinancingPlanGql(plan: FinancingPlanRecord, facilities: readonly FinancingPlanFacilityRecord[]): FinancingPlan {
  const sorted = [...facilities].sort((a, b) => a.position - b.position);
  const sum = (pick: (f: FinancingPlanFacilityRecord) => string, kind?: 'LOAN' | 'GRANT'): bigint =>
    sorted.filter((f) => !kind || f.financingKind === kind).reduce((n, f) => n + BigInt(pick(f)), 0n);
  return {
    id: plan.id,
    asOf: plan.asOf,
    contractMonths: plan.contractMonths,
    placementCosts: plan.placementCostsIdr === null ? null : idr(plan.placementCostsIdr),
    hasNpwp: plan.hasNpwp,
    note: plan.note,
    facilities: sorted.map(toFinancingFacilityGql),
    loans: idr(sum((f) => f.amountIdr, 'LOAN')),
    grants: idr(sum((f) => f.amountIdr, 'GRANT')),
    interest: idr(sum((f) => f.interestIdr)),
    totalRepaid: idr(sum((f) => f.totalPaidIdr)),
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt,
    candidateId: plan.candidateId,
    placementId: plan.placementId,
  };
}

// ---------------------------------------------------------------- resolvers

@Resolver(() => FinancingPlan)
export class FinancingPlanResolver {
  @Authorized(...WRITE_RULE)
  @Mutation(() => FinancingPlan, {
    description:
      'Record how a candidate’s placement costs are financed (replaces any earlier plan): each product’s terms (KUR from the dated parameters on asOf; the others as stated), each amount and tenor checked by the domain (LOAN.* codes as domainCode, e.g. LOAN.ABOVE_CEILING, LOAN.TENOR_EXCEEDS_CONTRACT), the schedules computed in whole rupiah, and the totals stored. One transaction; a refusal writes nothing. OFFICER.',
  })
  async setFinancingPlan(@Args() args: SetFinancingPlanArgs, @Ctx() ctx: GatewayContext): Promise<FinancingPlan> {
    const candidateId = checkId(args.candidateId, ['candidateId']);
    const input = args.input;
    const stored = await runUseCase(ctx, setFinancingPlan, {
      candidateId,
      asOf: input.asOf ? isoDateOf(input.asOf) : null,
      contractMonths: input.contractMonths ?? null,
      placementCosts: input.placementCostsIdr ? money(input.placementCostsIdr, 'IDR') : null,
      hasNpwp: input.hasNpwp ?? false,
      note: input.note ?? null,
      facilities: input.facilities.map((f) => ({ ...f, terms: f.terms ? { ...f.terms } : null })),
    });
    return toFinancingPlanGql(stored.plan, stored.facilities);
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => Candidate, { description: 'Remove a candidate’s financing plan (NOT_FOUND when there is none). Returns the candidate. OFFICER.' })
  async removeFinancingPlan(@Args() args: RemoveFinancingPlanArgs, @Ctx() ctx: GatewayContext): Promise<Candidate> {
    const candidateId = checkId(args.candidateId, ['candidateId']);
    return toCandidateGql(await runUseCase(ctx, removeFinancingPlan, { candidateId }), 'FULL', ctx.clock);
  }

  @Authorized(...FINANCING_PLAN_READERS)
  @FieldResolver(() => Candidate, { description: 'The candidate the plan is for.' })
  async candidate(@Root() plan: FinancingPlan, @Ctx() ctx: GatewayContext): Promise<Candidate> {
    const r = await byKeyLoader<CandidateRecord, string>(ctx, CandidateRecord, 'id').load(plan.candidateId);
    if (!r) throw new GatewayError('INTERNAL_SERVER_ERROR');
    return toCandidateGql(r, visible(await candidateViewOf(ctx, r)), ctx.clock);
  }

  @Authorized(...FINANCING_PLAN_READERS)
  @FieldResolver(() => Placement, { nullable: true, description: 'The candidate’s placement when the plan was set (null: set before a seat was allocated).' })
  async placement(@Root() plan: FinancingPlan, @Ctx() ctx: GatewayContext): Promise<Placement | null> {
    if (!plan.placementId) return null;
    const r = await byKeyLoader<PlacementRecord, string>(ctx, PlacementRecord, 'id').load(plan.placementId);
    return r ? toPlacementGql(r) : null;
  }
}

@Resolver(() => FinancingFacility)
export class FinancingFacilityResolver {
  @Authorized(...FINANCING_PLAN_READERS)
  @FieldResolver(() => RepaymentScheduleGql, {
    nullable: true,
    description: 'Month-by-month schedule recomputed by the domain from the stored terms (no SQL); its totals equal the stored ones. Null for a grant.',
  })
  schedule(@Root() f: FinancingFacility): RepaymentScheduleGql | null {
    if (f.kind !== 'LOAN') return null;
    return toScheduleGql(
      repaymentSchedule({
        principal: money(f.principal.amount, 'IDR'),
        annualRate: f.annualRate,
        tenorMonths: f.tenorMonths,
        graceMonths: f.graceMonths,
        ...(f.graceInterest ? { graceInterest: f.graceInterest } : {}),
        method: f.method as 'ANNUITY' | 'FLAT',
      }),
    );
  }
}

@Resolver(() => Candidate)
export class CandidateFinancingResolver {
  @Authorized(...FINANCING_PLAN_READERS)
  @FieldResolver(() => FinancingPlan, {
    nullable: true,
    description: 'How the candidate’s placement costs are financed (null: no plan recorded). Loaded in batches: a list costs two statements whatever its size.',
  })
  async financingPlan(@Root() c: Candidate, @Ctx() ctx: GatewayContext): Promise<FinancingPlan | null> {
    const plan = await byKeyLoader<FinancingPlanRecord, string>(ctx, FinancingPlanRecord, 'candidateId').load(c.id);
    if (!plan) return null;
    const facilities = await groupLoader<FinancingPlanFacilityRecord, string>(ctx, FinancingPlanFacilityRecord, 'planId', [['position', 'asc']]).load(plan.id);
    return toFinancingPlanGql(plan, facilities);
  }
}
