/**
 * The plan builder: products and checks from the domain, failures at the right input field. Failures
 * are checked as the public errors they become (graphql/run-use-case.ts), as clients see them.
 */
import fc from 'fast-check';
import { kurPenempatanProduct, money, parameterSnapshot, repaymentSchedule, scheduleLoan } from '@jembatan/domain';
import { toGatewayError } from '../graphql/run-use-case';
import { buildFinancingFacilities, type PlanContext, type PlanFacilityInput } from './financing-facilities';
import { UseCaseError } from './use-case-error';

const CONTEXT: PlanContext = { asOf: '2025-12-10', contractMonths: 24, placementCosts: null, hasNpwp: false };
const kur = (amountIdr: string, tenorMonths = 24, extra: Partial<PlanFacilityInput> = {}): PlanFacilityInput => ({ product: 'KUR_PENEMPATAN_PMI', amountIdr, tenorMonths, ...extra });
const grant = (amountIdr: string, ceilingIdr: string | null = '5000000'): PlanFacilityInput => ({
  product: 'CITY_GRANT',
  amountIdr,
  terms: { statedBy: 'Perwal Serang (example)', ...(ceilingIdr ? { ceilingIdr } : {}) },
});
const facility = (amountIdr: string, tenorMonths: number, extra: Partial<PlanFacilityInput> = {}): PlanFacilityInput => ({
  product: 'ZERO_INTEREST_FACILITY',
  amountIdr,
  tenorMonths,
  terms: { statedBy: 'MoU APJATI–Pemkot Serang (example)', provider: { id: 'APJATI', en: 'APJATI' }, ceilingIdr: '20000000', maxTenorMonths: 24 },
  ...extra,
});

function failure(fn: () => unknown): { code: string; domainCode: unknown; field: unknown; details: unknown } {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof UseCaseError)) throw e;
    const g = toGatewayError(e.failure);
    const ext = g.extensions as Record<string, unknown>;
    return { code: g.code, domainCode: ext.domainCode, field: ext.field, details: ext.details };
  }
  throw new Error('expected a failure');
}

describe('buildFinancingFacilities', () => {
  it('builds a KUR loan from the parameters on asOf, with the domain’s schedule and totals', () => {
    const [f] = buildFinancingFacilities([kur('30000000', 24, { graceMonths: 6, graceInterest: 'CAPITALISED' })], CONTEXT);
    const expected = scheduleLoan(kurPenempatanProduct(parameterSnapshot('2025-12-10')), {
      amount: money(30_000_000, 'IDR'),
      tenorMonths: 24,
      graceMonths: 6,
      graceInterest: 'CAPITALISED',
      contractMonths: 24,
      hasNpwp: false,
    });
    if (!expected.ok || !expected.value.schedule) throw new Error('oracle refused');
    expect(f).toMatchObject({ productId: 'KUR_PENEMPATAN_PMI', financingKind: 'LOAN', payer: 'WORKER', financier: 'KUR_BANK', position: 0 });
    expect(f!.terms).toEqual(expected.value.terms);
    expect(f!.schedule!.totals).toEqual(expected.value.schedule.totals);
    expect(f!.product.annualRate).toBe('0.06');
    expect(f!.schedule!.totals.capitalisedInterest.amount).toBeGreaterThan(0);
  });

  it('combines a city grant (payer CITY_SUBSIDY, nothing repaid) with a zero-interest facility (no interest)', () => {
    const out = buildFinancingFacilities([grant('2000000'), facility('8000000', 12)], CONTEXT);
    expect(out.map((f) => [f.productId, f.financingKind, f.payer, f.financier])).toEqual([
      ['CITY_GRANT', 'GRANT', 'CITY_SUBSIDY', 'CITY_GOVERNMENT'],
      ['ZERO_INTEREST_FACILITY', 'LOAN', 'WORKER', 'APJATI_FACILITY'],
    ]);
    expect(out[0]!.schedule).toBeNull();
    expect(out[1]!.schedule!.totals.interest.amount).toBe(0);
    expect(out[1]!.schedule!.totals.paid.amount).toBe(8_000_000);
    expect(out[0]!.product.sources[0]!.statedBy).toBe('Perwal Serang (example)');
  });

  it.each([
    ['above the KUR ceiling', [kur('150000000', 24)], { hasNpwp: true }, 'LOAN.ABOVE_CEILING', ['input', 'facilities', '0', 'amountIdr']],
    ['tenor beyond the contract', [kur('10000000', 30)], {}, 'LOAN.TENOR_EXCEEDS_CONTRACT', ['input', 'facilities', '0', 'tenorMonths']],
    ['tenor beyond KUR’s 36 months', [kur('10000000', 40)], { contractMonths: 48 }, 'LOAN.TENOR_EXCEEDS_MAX', ['input', 'facilities', '0', 'tenorMonths']],
    ['no NPWP above the threshold', [kur('60000000', 24)], {}, 'LOAN.NPWP_REQUIRED', ['input', 'hasNpwp']],
    ['a negative amount', [kur('-5', 24)], {}, 'FINANCE.NEGATIVE_AMOUNT', ['input', 'facilities', '0', 'amountIdr']],
    ['a zero amount', [grant('0')], {}, 'FINANCE.ZERO_AMOUNT', ['input', 'facilities', '0', 'amountIdr']],
    ['a grant above its stated ceiling', [grant('6000000')], {}, 'LOAN.ABOVE_CEILING', ['input', 'facilities', '0', 'amountIdr']],
    ['grace beyond the product’s', [kur('10000000', 24, { graceMonths: 7 })], {}, 'LOAN.GRACE_EXCEEDS_PRODUCT', ['input', 'facilities', '0', 'graceMonths']],
    ['a facility above its stated longest tenor', [facility('1000000', 30)], { contractMonths: 36 }, 'LOAN.TENOR_EXCEEDS_MAX', ['input', 'facilities', '0', 'tenorMonths']],
    ['asOf before the KUR terms were recorded', [kur('10000000', 24)], { asOf: '2016-01-01' }, 'PARAMETER.BEFORE_COVERAGE', ['input', 'asOf']],
    ['a product given twice', [grant('1000000'), grant('1000000')], {}, 'FINANCING.PRODUCT_REPEATED', ['input', 'facilities', '1', 'product']],
    ['KUR terms given as input', [kur('1000000', 12, { terms: { statedBy: 'me' } })], {}, 'FINANCING.TERMS_FROM_PARAMETERS', ['input', 'facilities', '0', 'terms']],
    ['a grant without terms', [{ product: 'CITY_GRANT', amountIdr: '1000' } as PlanFacilityInput], {}, 'FINANCING.TERMS_REQUIRED', ['input', 'facilities', '0', 'terms']],
    ['a grant with a tenor', [{ ...grant('1000'), tenorMonths: 12 }], {}, 'FINANCING.TERM_NOT_APPLICABLE', ['input', 'facilities', '0', 'tenorMonths']],
    ['a facility lent by a KUR bank', [facility('1000', 12, { terms: { statedBy: 'x', provider: { id: 'Bank', en: 'Bank' }, financier: 'KUR_BANK' } })], {}, 'FINANCING.FINANCIER_NOT_ALLOWED', ['input', 'facilities', '0', 'terms', 'financier']],
    ['a facility without provider', [facility('1000', 12, { terms: { statedBy: 'x' } })], {}, 'FINANCE.INVALID_PRODUCT', ['input', 'facilities', '0', 'terms', 'provider']],
    ['a loan without tenor', [{ product: 'KUR_PENEMPATAN_PMI', amountIdr: '1000' } as PlanFacilityInput], {}, 'FINANCING.TENOR_REQUIRED', ['input', 'facilities', '0', 'tenorMonths']],
    ['no contract length known', [kur('1000000', 12)], { contractMonths: null }, 'FINANCING.CONTRACT_MONTHS_REQUIRED', ['input', 'contractMonths']],
    ['one product above the placement costs', [kur('9000000', 12)], { placementCosts: money(8_000_000, 'IDR') }, 'LOAN.ABOVE_PLACEMENT_COSTS', ['input', 'facilities', '0', 'amountIdr']],
    ['the products together above the placement costs', [grant('3000000'), kur('6000000', 12)], { placementCosts: money(8_000_000, 'IDR') }, 'FINANCING.ABOVE_PLACEMENT_COSTS', ['input', 'facilities', '1', 'amountIdr']],
  ] as Array<[string, PlanFacilityInput[], Partial<PlanContext>, string, string[]]>)('refuses %s', (_name, facilities, context, domainCode, field) => {
    const f = failure(() => buildFinancingFacilities(facilities, { ...CONTEXT, ...context }));
    expect(f).toMatchObject({ code: 'BAD_USER_INPUT', domainCode, field });
  });

  it('lists every LOAN reason in the details, the first one as the code', () => {
    const f = failure(() => buildFinancingFacilities([kur('150000000', 40)], CONTEXT));
    expect(f.domainCode).toBe('LOAN.ABOVE_CEILING');
    expect(String((f.details as Record<string, unknown>).reasons).split(',')).toEqual(
      expect.arrayContaining(['LOAN.ABOVE_CEILING', 'LOAN.NPWP_REQUIRED', 'LOAN.TENOR_EXCEEDS_MAX', 'LOAN.TENOR_EXCEEDS_CONTRACT']),
    );
  });

  it('property: every accepted KUR loan repays principal + interest exactly, in whole rupiah, as its schedule recomputed from the stored terms', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.integer({ min: 7, max: 36 }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom('PAID' as const, 'CAPITALISED' as const),
        (amount, tenor, grace, graceInterest) => {
          const [f] = buildFinancingFacilities([kur(String(amount), tenor, { graceMonths: grace, graceInterest })], { ...CONTEXT, contractMonths: 36 });
          const s = f!.schedule!;
          expect(Number.isSafeInteger(s.totals.interest.amount)).toBe(true);
          expect(s.totals.paid.amount).toBe(amount + s.totals.interest.amount);
          expect(s.totals.principal.amount).toBe(amount);
          const again = repaymentSchedule({ principal: f!.terms.amount, annualRate: f!.terms.annualRate, tenorMonths: f!.terms.tenorMonths, graceMonths: f!.terms.graceMonths, graceInterest: f!.terms.graceInterest, method: f!.terms.method });
          expect(again.totals).toEqual(s.totals);
          expect(again.regularInstalment).toEqual(s.regularInstalment);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('property: a plan is refused as soon as its products together exceed the stated placement costs, accepted otherwise', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 1, max: 20_000_000 }), fc.integer({ min: 1, max: 30_000_000 }), (g, k, costs) => {
        const run = () => buildFinancingFacilities([grant(String(g), null), kur(String(k), 12)], { ...CONTEXT, placementCosts: money(costs, 'IDR') });
        if (g + k <= costs) expect(run().map((f) => f.terms.amount.amount)).toEqual([g, k]);
        else expect(failure(run).code).toBe('BAD_USER_INPUT');
      }),
      { numRuns: 60 },
    );
  });
});
