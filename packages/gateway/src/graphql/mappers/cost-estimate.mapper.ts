/** A cost estimate for the GraphQL calculators and a candidate's own estimate (one home for both). */
import {
  APJATI_FACILITY_COVERS_TRAINING,
  CITY_PAYS_KOREAN_COURSE,
  EMPLOYER_PAYS_PLACEMENT_FEE,
  estimateCosts,
  isDomainError,
  koreanCourseFee,
  money,
  parameterSnapshot,
  type CostEstimate,
  type CostPolicy,
  type KoreanCourseFee,
} from '../../domain';
import type { CostOverlay } from '../types/costs.type';
import { CostEstimateInput } from '../types/costs.type';
import { isoDateOf } from '../scalars';
import { courseSnapshotOf } from '../../persistence/training.mapper';
import { courseById } from '../../read-models/training.read-model';
import type { GatewayContext } from '../context';
import { fromDomainError, notFound } from '../errors';
import { checkId } from '../ids';

const OVERLAYS: Record<CostOverlay, CostPolicy> = {
  CITY_PAYS_KOREAN_COURSE,
  APJATI_FACILITY_COVERS_TRAINING,
  EMPLOYER_PAYS_PLACEMENT_FEE,
};

/**
 * The domain's cost estimate for a GraphQL input (parameters as of `asOf`). `koreanCourse` is the fee
 * of the stored course named by `input.koreanCourseId` (`koreanCourseFor` loads it).
 */
export function estimateCostsFor(input: Omit<CostEstimateInput, 'koreanCourseId'>, koreanCourse?: KoreanCourseFee): CostEstimate {
  const asOf = isoDateOf(input.asOf);
  const idr = (v: string | undefined | null) => (v === undefined || v === null ? undefined : money(v, 'IDR'));
  const inputs = input.inputs
    ? Object.fromEntries(
        Object.entries({
          skillsTestFee: idr(input.inputs.skillsTestFeeIdr),
          p3miServiceFee: idr(input.inputs.p3miServiceFeeIdr),
          koreanTestFee: idr(input.inputs.koreanTestFeeIdr),
          contractLegalisation: idr(input.inputs.contractLegalisationIdr),
          localTransport: idr(input.inputs.localTransportIdr),
          accommodation: idr(input.inputs.accommodationIdr),
          returnTicket: idr(input.inputs.returnTicketIdr),
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
      ...(koreanCourse ? { koreanCourse } : {}),
      ...(input.financing?.length
        ? { financing: input.financing.map((f) => ({ productId: f.productId, kind: f.grant ? ('GRANT' as const) : ('LOAN' as const), amount: money(f.amountIdr, 'IDR') })) }
        : {}),
      upfrontCashThreshold: idr(input.upfrontCashThresholdIdr) ?? null,
    },
    parameterSnapshot(asOf),
    (input.overlays ?? []).map((o) => OVERLAYS[o]),
  );
}

/**
 * The `koreanCourse` input for a stored course id (public: courses are a public list): NOT_FOUND at
 * `field` when there is none, BAD_USER_INPUT with TRAINING.NOT_A_KOREAN_COURSE for another kind.
 */
export async function koreanCourseFor(ctx: GatewayContext, id: string, field: readonly string[]): Promise<KoreanCourseFee> {
  const record = await courseById(ctx).load(checkId(id, field));
  if (!record) throw notFound('Course', field);
  try {
    return koreanCourseFee(courseSnapshotOf(record));
  } catch (e) {
    if (isDomainError(e)) throw fromDomainError({ ...e.toJSON(), path: [] }, field);
    throw e;
  }
}
