/**
 * From a `FinancingPlanInput` to the facilities a plan stores: each product built by the domain
 * (`kurPenempatanProduct(snapshot)`, `zeroInterestFacilityProduct`, `cityGrantProduct`), each request
 * checked and scheduled by the domain (`scheduleLoan` → `checkLoanRequest` + `repaymentSchedule`).
 * No I/O: the use case (set-financing-plan.use-case.ts) passes what it read from the database
 * (contract length) and writes the result.
 *
 * Failures are UseCaseErrors pointing at the input field: the domain's codes (`LOAN.*`, `FINANCE.*`,
 * `PARAMETER.*`, `MONEY.*`) as they are (public code BAD_USER_INPUT), and the gateway's own checks as
 * `FINANCING.*` (a product given twice, terms missing or not applicable, no contract length, the
 * products together above the stated placement costs).
 */
import {
  cityGrantProduct,
  isDomainError,
  kurPenempatanProduct,
  money,
  parameterSnapshot,
  scheduleLoan,
  zeroInterestFacilityProduct,
  type DomainErrorData,
  type FinancingProduct,
  type IsoDate,
  type LoanRequest,
  type LoanTerms,
  type Messages,
  type Money,
  type PayerKind,
  type RepaymentSchedule,
} from '../domain';
import type { FinancierKind, PlanFinancingKind, PlanProduct } from '../persistence/financing-plan.schema';
import { domainFailure, rejected, type UseCaseError } from './use-case-error';

/** Terms stated for a product without official ones (GraphQL: FinancingTermsInput). */
export interface PlanTermsInput {
  readonly statedBy: string;
  readonly provider?: Messages | null;
  readonly ceilingIdr?: string | null;
  readonly maxTenorMonths?: number | null;
  readonly graceMonths?: number | null;
  readonly tenorWithinContract?: boolean | null;
  readonly financier?: FinancierKind | null;
}

/** One facility of the plan as requested (GraphQL: FinancingFacilityInput). */
export interface PlanFacilityInput {
  readonly product: PlanProduct;
  readonly amountIdr: string;
  readonly tenorMonths?: number | null;
  readonly graceMonths?: number | null;
  readonly graceInterest?: LoanRequest['graceInterest'] | null;
  readonly terms?: PlanTermsInput | null;
}

export interface PlanContext {
  /** Date of the parameters (KUR terms). */
  readonly asOf: IsoDate;
  /** Employment contract months (placement, opening or input); null when unknown. */
  readonly contractMonths: number | null;
  /** Placement costs the plan finances, when stated. */
  readonly placementCosts: Money | null;
  readonly hasNpwp: boolean;
}

export interface BuiltFacility {
  readonly position: number;
  readonly productId: PlanProduct;
  readonly financingKind: PlanFinancingKind;
  readonly payer: PayerKind;
  readonly financier: FinancierKind;
  readonly product: FinancingProduct;
  readonly terms: LoanTerms;
  /** null for a grant. */
  readonly schedule: RepaymentSchedule | null;
}

const FACILITY_FIELD = (i: number): string[] => ['input', 'facilities', String(i)];

/** Where a domain path of a product definition points in the input (`terms`). */
function termsField(i: number, path: readonly string[] | undefined): string[] {
  const [head, ...rest] = path ?? [];
  if (head === undefined) return [...FACILITY_FIELD(i), 'terms'];
  return [...FACILITY_FIELD(i), 'terms', head === 'ceiling' ? 'ceilingIdr' : head, ...rest];
}

/** Where a domain path of a loan request points in the input. */
function requestField(i: number, path: readonly string[] | undefined): string[] {
  const [head, ...rest] = path ?? [];
  switch (head) {
    case undefined:
      return FACILITY_FIELD(i);
    case 'amount':
      return [...FACILITY_FIELD(i), 'amountIdr', ...rest];
    case 'hasNpwp':
      return ['input', 'hasNpwp'];
    case 'contractMonths':
      return ['input', 'contractMonths'];
    case 'placementCosts':
      return ['input', 'placementCostsIdr'];
    default:
      return [...FACILITY_FIELD(i), head, ...rest];
  }
}

/** A domain failure at `field` (the domain's own path is replaced by it). */
function failureAt(error: DomainErrorData, field: readonly string[], extra: Record<string, string> = {}): UseCaseError {
  return domainFailure({ code: error.code, message: error.message, path: field, details: { ...(error.details ?? {}), ...extra } }, []);
}

/** Run `fn`; a DomainError it throws becomes a failure at the field `where` computes. */
function guarded<T>(fn: () => T, where: (path: readonly string[] | undefined) => string[]): T {
  try {
    return fn();
  } catch (e) {
    if (isDomainError(e)) throw failureAt(e.toJSON(), where(e.path));
    throw e;
  }
}

function planError(code: string, messages: Messages, field: readonly string[]): UseCaseError {
  return rejected('BAD_USER_INPUT', messages, { field, domainCode: code });
}

function notApplicable(field: readonly string[]): UseCaseError {
  return planError(
    'FINANCING.TERM_NOT_APPLICABLE',
    { id: 'Isian ini tidak berlaku untuk produk ini.', en: 'This field does not apply to this product.' },
    field,
  );
}

function buildProduct(i: number, f: PlanFacilityInput, asOf: IsoDate): { product: FinancingProduct; financier: FinancierKind } {
  const at = FACILITY_FIELD(i);
  if (f.product === 'KUR_PENEMPATAN_PMI') {
    if (f.terms) {
      throw planError(
        'FINANCING.TERMS_FROM_PARAMETERS',
        {
          id: 'Ketentuan KUR Penempatan PMI diambil dari parameter bertanggal; jangan isi terms.',
          en: 'The KUR Penempatan PMI terms come from dated parameters; leave terms out.',
        },
        [...at, 'terms'],
      );
    }
    // before the KUR parameters' coverage (or after a repeal) the snapshot refuses: point at asOf
    return { product: guarded(() => kurPenempatanProduct(parameterSnapshot(asOf)), () => ['input', 'asOf']), financier: 'KUR_BANK' };
  }
  const terms = f.terms;
  if (!terms) {
    throw planError(
      'FINANCING.TERMS_REQUIRED',
      {
        id: 'Produk ini tidak punya ketentuan resmi di DOMAIN.md: isi terms beserta sumbernya (statedBy).',
        en: 'This product has no official terms in DOMAIN.md: give terms with their source (statedBy).',
      },
      [...at, 'terms'],
    );
  }
  const ceiling = terms.ceilingIdr === undefined || terms.ceilingIdr === null ? null : guarded(() => money(terms.ceilingIdr as string, 'IDR'), () => [...at, 'terms', 'ceilingIdr']);
  const provider = terms.provider ? { id: terms.provider.id, en: terms.provider.en } : undefined;
  if (f.product === 'ZERO_INTEREST_FACILITY') {
    const financier = terms.financier ?? 'APJATI_FACILITY';
    if (financier === 'KUR_BANK') {
      throw planError(
        'FINANCING.FINANCIER_NOT_ALLOWED',
        { id: 'Pinjaman bank KUR dicatat sebagai KUR_PENEMPATAN_PMI.', en: 'A KUR bank loan is recorded as KUR_PENEMPATAN_PMI.' },
        [...at, 'terms', 'financier'],
      );
    }
    const product = guarded(
      () =>
        zeroInterestFacilityProduct({
          provider: provider as Messages,
          statedBy: terms.statedBy,
          ceiling,
          maxTenorMonths: terms.maxTenorMonths ?? null,
          ...(terms.tenorWithinContract !== undefined && terms.tenorWithinContract !== null ? { tenorWithinContract: terms.tenorWithinContract } : {}),
          ...(terms.graceMonths !== undefined && terms.graceMonths !== null ? { graceMonths: terms.graceMonths } : {}),
        }),
      (path) => termsField(i, path),
    );
    return { product, financier };
  }
  // CITY_GRANT
  for (const key of ['maxTenorMonths', 'graceMonths', 'tenorWithinContract'] as const) {
    if (terms[key] !== undefined && terms[key] !== null) throw notApplicable([...at, 'terms', key]);
  }
  if (terms.financier !== undefined && terms.financier !== null && terms.financier !== 'CITY_GOVERNMENT') {
    throw planError(
      'FINANCING.FINANCIER_NOT_ALLOWED',
      { id: 'Bantuan kota didanai Pemerintah Kota Serang.', en: 'The city grant is funded by the Kota Serang city government.' },
      [...at, 'terms', 'financier'],
    );
  }
  for (const key of ['tenorMonths', 'graceMonths', 'graceInterest'] as const) {
    if (f[key] !== undefined && f[key] !== null) throw notApplicable([...at, key]);
  }
  const product = guarded(
    () => cityGrantProduct({ statedBy: terms.statedBy, ceiling, ...(provider ? { provider } : {}) }),
    (path) => termsField(i, path),
  );
  return { product, financier: 'CITY_GOVERNMENT' };
}

/**
 * Build, check and schedule every facility of a plan. Throws UseCaseError (a field path and the
 * domain's code) at the first problem; never returns a partly valid plan.
 */
export function buildFinancingFacilities(facilities: readonly PlanFacilityInput[], context: PlanContext): BuiltFacility[] {
  const seen = new Set<PlanProduct>();
  const out: BuiltFacility[] = [];
  let financed = 0n;
  facilities.forEach((f, i) => {
    const at = FACILITY_FIELD(i);
    if (seen.has(f.product)) {
      throw planError(
        'FINANCING.PRODUCT_REPEATED',
        { id: 'Setiap produk hanya boleh muncul sekali dalam rencana pembiayaan.', en: 'Each product may appear only once in a financing plan.' },
        [...at, 'product'],
      );
    }
    seen.add(f.product);
    const { product, financier } = buildProduct(i, f, context.asOf);
    const amount = guarded(() => money(f.amountIdr, 'IDR'), () => [...at, 'amountIdr']);
    if (product.kind === 'LOAN' && (f.tenorMonths === undefined || f.tenorMonths === null)) {
      throw planError('FINANCING.TENOR_REQUIRED', { id: 'Pinjaman memerlukan tenor (bulan).', en: 'A loan needs a tenor (months).' }, [...at, 'tenorMonths']);
    }
    if (product.kind === 'LOAN' && product.tenorWithinContract && context.contractMonths === null) {
      throw planError(
        'FINANCING.CONTRACT_MONTHS_REQUIRED',
        {
          id: 'Lama perjanjian kerja belum diketahui: isi contractMonths atau alokasikan kursi lowongan dahulu.',
          en: 'The employment contract length is not known: give contractMonths or allocate a seat first.',
        },
        ['input', 'contractMonths'],
      );
    }
    const request: LoanRequest = {
      amount,
      hasNpwp: context.hasNpwp,
      ...(f.tenorMonths !== undefined && f.tenorMonths !== null ? { tenorMonths: f.tenorMonths } : {}),
      ...(f.graceMonths !== undefined && f.graceMonths !== null ? { graceMonths: f.graceMonths } : {}),
      ...(f.graceInterest !== undefined && f.graceInterest !== null ? { graceInterest: f.graceInterest } : {}),
      ...(context.contractMonths !== null ? { contractMonths: context.contractMonths } : {}),
      ...(context.placementCosts !== null ? { placementCosts: context.placementCosts } : {}),
    };
    const result = guarded(() => scheduleLoan(product, request), (path) => requestField(i, path));
    if (!result.ok) {
      throw failureAt(result.error, requestField(i, result.error.path), { reasons: result.error.reasons.map((r) => r.code).join(',') });
    }
    financed += BigInt(result.value.terms.amount.amount);
    if (context.placementCosts !== null && financed > BigInt(context.placementCosts.amount)) {
      throw planError(
        'FINANCING.ABOVE_PLACEMENT_COSTS',
        {
          id: 'Jumlah seluruh produk melebihi biaya penempatan yang dibiayai.',
          en: 'Together the products exceed the placement costs they finance.',
        },
        [...at, 'amountIdr'],
      );
    }
    out.push({
      position: i,
      productId: f.product,
      financingKind: product.kind,
      payer: product.kind === 'LOAN' ? 'WORKER' : 'CITY_SUBSIDY',
      financier,
      product,
      terms: result.value.terms,
      schedule: result.value.schedule,
    });
  });
  return out;
}
