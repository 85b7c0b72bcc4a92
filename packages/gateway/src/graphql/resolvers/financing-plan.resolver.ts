/**
 * Financing plans: `setFinancingPlan` / `removeFinancingPlan` (officers), `candidate.financingPlan`
 * (batched: two statements for a page of any size), and each facility's repayment schedule
 * (recomputed by the domain from the stored terms, no SQL).
 *
 * A plan is set in one transaction: the candidate row is locked (`SELECT … FOR UPDATE`, so two
 * officers setting a plan for one candidate run one after the other), the contract length read from
 * the candidate's placement (else its opening, else the input), every product built and every
 * request checked and scheduled by the domain, and only then the old plan's facilities replaced.
 * Any failure writes nothing.
 */
import { LockMode } from '@mikro-orm/core';
import { Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { money, repaymentSchedule, wibDateOf, type FinancingProduct } from '../../domain';
import { CandidateRecord, PlacementRecord } from '../../persistence/candidate.schema';
import { FinancingPlanFacilityRecord, FinancingPlanRecord } from '../../persistence/financing-plan.schema';
import { JobOpeningRecord } from '../../persistence/opening.schema';
import { WRITE_RULE } from '../../security/rules';
import { auditChange, candidateViewOf } from '../access';
import type { GatewayContext } from '../context';
import { buildFinancingFacilities, type BuiltFacility } from '../financing-plan.builder';
import { GatewayError, notFound } from '../errors';
import { checkId, newId, nowTimestamp } from '../ids';
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
import { toCandidateGql, toPlacementGql, visible } from './candidate.resolver';

// ---------------------------------------------------------------- mapping

function facilityRecordOf(planId: string, f: BuiltFacility): FinancingPlanFacilityRecord {
  const loan = f.schedule;
  return Object.assign(new FinancingPlanFacilityRecord(), {
    planId,
    position: f.position,
    productId: f.productId,
    financingKind: f.financingKind,
    payer: f.payer,
    financier: f.financier,
    product: JSON.parse(JSON.stringify(f.product)) as FinancingProduct,
    amountIdr: String(f.terms.amount.amount),
    annualRate: f.terms.annualRate,
    method: f.terms.method,
    tenorMonths: f.terms.tenorMonths,
    graceMonths: f.terms.graceMonths,
    graceInterest: f.financingKind === 'LOAN' ? f.terms.graceInterest : null,
    npwpRequired: f.terms.npwpRequired,
    instalmentIdr: String(loan?.regularInstalment.amount ?? 0),
    lastInstalmentIdr: String(loan?.lastInstalment.amount ?? 0),
    capitalisedInterestIdr: String(loan?.totals.capitalisedInterest.amount ?? 0),
    interestIdr: String(loan?.totals.interest.amount ?? 0),
    totalPaidIdr: String(loan?.totals.paid.amount ?? 0),
  });
}

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

/** A plain snapshot for the audit log (amounts as strings; the product terms left out). */
function auditSnapshot(plan: FinancingPlanRecord, facilities: readonly FinancingPlanFacilityRecord[]): Record<string, unknown> {
  return {
    candidateId: plan.candidateId,
    placementId: plan.placementId,
    asOf: plan.asOf,
    contractMonths: plan.contractMonths,
    placementCostsIdr: plan.placementCostsIdr,
    hasNpwp: plan.hasNpwp,
    facilities: [...facilities]
      .sort((a, b) => a.position - b.position)
      .map((f) => ({
        product: f.productId,
        financier: f.financier,
        amountIdr: f.amountIdr,
        tenorMonths: f.tenorMonths,
        graceMonths: f.graceMonths,
        graceInterest: f.graceInterest,
        interestIdr: f.interestIdr,
        totalPaidIdr: f.totalPaidIdr,
      })),
  };
}

/** The contract the tenors must fit: the placement's; else the input's; else the opening's. */
function contractMonthsFor(placement: number | null, input: number | undefined | null, opening: number | null): number | null {
  if (placement !== null) {
    if (input !== undefined && input !== null && input !== placement) {
      throw new GatewayError(
        'BAD_USER_INPUT',
        {
          id: 'Lama kontrak berbeda dengan penempatan kandidat; kosongkan contractMonths.',
          en: 'The contract length differs from the candidate’s placement; leave contractMonths out.',
        },
        { field: ['input', 'contractMonths'], domainCode: 'FINANCING.CONTRACT_MONTHS_MISMATCH', details: { placementContractMonths: placement } },
      );
    }
    return placement;
  }
  return input ?? opening;
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
    const asOf = input.asOf ? isoDateOf(input.asOf) : wibDateOf(nowTimestamp(ctx));
    const placementCosts = input.placementCostsIdr ? money(input.placementCostsIdr, 'IDR') : null;
    if (placementCosts !== null && placementCosts.amount <= 0) {
      throw new GatewayError(
        'BAD_USER_INPUT',
        { id: 'Biaya penempatan harus lebih dari nol.', en: 'The placement costs must be above zero.' },
        { field: ['input', 'placementCostsIdr'], domainCode: 'FINANCE.ZERO_AMOUNT' },
      );
    }
    return ctx.em.transactional(async (em) => {
      const candidate = await em.findOne(CandidateRecord, { id: candidateId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!candidate) throw notFound('Candidate', ['candidateId']);
      const placement = await em.findOne(
        PlacementRecord,
        { candidateId, status: { $ne: 'CANCELLED' } },
        { orderBy: { createdAt: 'desc', id: 'desc' } },
      );
      const opening = !placement && candidate.openingId ? await em.findOne(JobOpeningRecord, { id: candidate.openingId }) : null;
      const contractMonths = contractMonthsFor(placement?.contractMonths ?? null, input.contractMonths, opening?.contractMonths ?? null);
      const built = buildFinancingFacilities(input.facilities, { asOf, contractMonths, placementCosts, hasNpwp: input.hasNpwp ?? false });

      const now = ctx.clock.now();
      let plan = await em.findOne(FinancingPlanRecord, { candidateId });
      const before = plan ? auditSnapshot(plan, await em.find(FinancingPlanFacilityRecord, { planId: plan.id })) : null;
      if (plan) {
        await em.nativeDelete(FinancingPlanFacilityRecord, { planId: plan.id });
      } else {
        plan = Object.assign(new FinancingPlanRecord(), { id: newId(), candidateId, createdAt: now, createdBy: ctx.actor });
        em.persist(plan);
      }
      Object.assign(plan, {
        placementId: placement?.id ?? null,
        asOf,
        contractMonths,
        placementCostsIdr: placementCosts === null ? null : String(placementCosts.amount),
        hasNpwp: input.hasNpwp ?? false,
        note: input.note ?? null,
        updatedAt: now,
        updatedBy: ctx.actor,
      });
      const facilities = built.map((f) => facilityRecordOf((plan as FinancingPlanRecord).id, f));
      for (const f of facilities) em.persist(f);
      await auditChange(em, ctx, { action: 'setFinancingPlan', entityType: 'FinancingPlan', entityId: plan.id, before, after: auditSnapshot(plan, facilities) });
      await em.flush();
      return toFinancingPlanGql(plan, facilities);
    });
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => Candidate, { description: 'Remove a candidate’s financing plan (NOT_FOUND when there is none). Returns the candidate. OFFICER.' })
  async removeFinancingPlan(@Args() args: RemoveFinancingPlanArgs, @Ctx() ctx: GatewayContext): Promise<Candidate> {
    const candidateId = checkId(args.candidateId, ['candidateId']);
    return ctx.em.transactional(async (em) => {
      const candidate = await em.findOne(CandidateRecord, { id: candidateId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!candidate) throw notFound('Candidate', ['candidateId']);
      const plan = await em.findOne(FinancingPlanRecord, { candidateId });
      if (!plan) throw notFound('Financing plan', ['candidateId']);
      const before = auditSnapshot(plan, await em.find(FinancingPlanFacilityRecord, { planId: plan.id }));
      await auditChange(em, ctx, { action: 'removeFinancingPlan', entityType: 'FinancingPlan', entityId: plan.id, before, after: null });
      await em.nativeDelete(FinancingPlanFacilityRecord, { planId: plan.id });
      await em.nativeDelete(FinancingPlanRecord, { id: plan.id });
      return toCandidateGql(candidate, 'FULL', ctx.clock);
    });
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
    const facilities = await groupLoader<FinancingPlanFacilityRecord, string>(ctx, FinancingPlanFacilityRecord, 'planId', { position: 'asc' }).load(plan.id);
    return toFinancingPlanGql(plan, facilities);
  }
}
