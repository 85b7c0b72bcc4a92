/** A cost estimate for the GraphQL calculators and a candidate's own estimate (one home for both). */
import {
  APJATI_FACILITY_COVERS_TRAINING,
  CITY_PAYS_KOREAN_COURSE,
  EMPLOYER_PAYS_PLACEMENT_FEE,
  estimateCosts,
  money,
  parameterSnapshot,
  type CostEstimate,
  type CostPolicy,
} from '../../domain';
import type { CostOverlay } from '../types/costs.type';
import { CostEstimateInput } from '../types/costs.type';
import { isoDateOf } from '../scalars';

const OVERLAYS: Record<CostOverlay, CostPolicy> = {
  CITY_PAYS_KOREAN_COURSE,
  APJATI_FACILITY_COVERS_TRAINING,
  EMPLOYER_PAYS_PLACEMENT_FEE,
};

/** The domain's cost estimate for a GraphQL input (parameters as of `asOf`). */
export function estimateCostsFor(input: CostEstimateInput): CostEstimate {
  const asOf = isoDateOf(input.asOf);
  const idr = (v: string | undefined | null) => (v === undefined || v === null ? undefined : money(v, 'IDR'));
  const inputs = input.inputs
    ? Object.fromEntries(
        Object.entries({
          skillsTestFee: idr(input.inputs.skillsTestFeeIdr),
          p3miServiceFee: idr(input.inputs.p3miServiceFeeIdr),
          koreanTestFee: idr(input.inputs.koreanTestFeeIdr),
        }).filter(([, v]) => v !== undefined),
      )
    : undefined;
  return estimateCosts(
    {
      route: input.route,
      occupation: input.occupation,
      contractMonths: input.contractMonths,
      ...(input.passport ? { passport: input.passport } : {}),
      ...(input.includeKoreanCourse !== undefined && input.includeKoreanCourse !== null ? { includeKoreanCourse: input.includeKoreanCourse } : {}),
      ...(inputs ? { inputs } : {}),
      ...(input.financing?.length
        ? { financing: input.financing.map((f) => ({ productId: f.productId, kind: f.grant ? ('GRANT' as const) : ('LOAN' as const), amount: money(f.amountIdr, 'IDR') })) }
        : {}),
      upfrontCashThreshold: idr(input.upfrontCashThresholdIdr) ?? null,
    },
    parameterSnapshot(asOf),
    (input.overlays ?? []).map((o) => OVERLAYS[o]),
  );
}
