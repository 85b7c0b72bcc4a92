import { money } from '../money';
import { applyCostPolicy } from '../costs/cost-policy';
import { APJATI_FACILITY_COVERS_TRAINING, CITY_PAYS_KOREAN_COURSE } from '../costs/cost-policy-overlays';
import { estimateCosts } from '../costs/estimate-costs';
import { asAdditionalCostLine, courseCostLine, courseCostLineId, koreanCourseFee } from './course-cost-line';
import { koreanCourse, params, uid } from './__tests__/fixtures';

const worker = (amount: number) => [{ payer: 'WORKER' as const, amountIdr: money(amount, 'IDR'), policyId: 'BASE', ruleId: 'BASE/WORKER' }];

describe('course fee as a cost line', () => {
  it('a Korean course gives the standard koreanCourse line, which the city overlay matches', () => {
    const line = courseCostLine(koreanCourse({ fee: money(2_750_000, 'IDR') }));
    expect(line).toMatchObject({ id: 'koreanCourse', category: 'JOB_TRAINING', timing: 'BEFORE_DEPARTURE', use: 'REPLACES_STANDARD_LINE', amount: money(2_750_000, 'IDR') });
    expect(line.label.en).toBe('Korean language course (LPK): Korean for EPS-TOPIK');
    expect(line.source).toEqual({ parameters: [], input: `course.${uid(20)}.fee`, statedBy: `course ${uid(20)} (provider ${uid(10)})` });
    const ctx = { lineId: line.id, category: line.category, timing: line.timing!, route: 'E9' as const, occupation: 'MANUFACTURING_WORKER' as const };
    expect(applyCostPolicy(worker(2_750_000), ctx, CITY_PAYS_KOREAN_COURSE, true).map((s) => s.payer)).toEqual(['CITY_SUBSIDY']);
  });

  it('another course gives an additional line that estimateCosts accepts as it is', () => {
    const welding = koreanCourse({
      id: uid(21),
      kind: 'SKILL',
      title: { id: 'Las FCAW 3G', en: 'FCAW 3G welding' },
      hours: 340,
      fee: money(5_000_000, 'IDR'),
      target: { kind: 'SKILL_CERTIFICATE', certifier: 'KOSHIPA', occupation: 'WELDER', qualification: 'FCAW 3G (X-ray)' },
    });
    const line = courseCostLine(welding);
    expect(line.id).toBe(courseCostLineId({ id: uid(21), kind: 'SKILL' }));
    expect(line.use).toBe('ADDITIONAL_LINE');
    const estimate = estimateCosts({ route: 'E7_3', occupation: 'WELDER', contractMonths: 36, additionalLines: [asAdditionalCostLine(line)] }, params, [APJATI_FACILITY_COVERS_TRAINING]);
    const got = estimate.lines.find((l) => l.id === line.id)!;
    expect(got.amountIdr).toEqual(money(5_000_000, 'IDR'));
    expect(got.payers.map((p) => p.payer)).toEqual(['APJATI_FACILITY']);
  });

  it('a Korean course is the estimate’s course cost line, and the city overlay pays it', () => {
    const course = koreanCourse({ fee: money(2_750_000, 'IDR') });
    const input = { route: 'E9' as const, occupation: 'MANUFACTURING_WORKER' as const, contractMonths: 36, koreanCourse: koreanCourseFee(course) };
    const e = estimateCosts(input, params);
    const got = e.lines.find((l) => l.id === 'koreanCourse')!;
    expect(got).toMatchObject({ status: 'KNOWN', amountIdr: money(2_750_000, 'IDR'), source: { parameters: [], input: 'koreanCourse.amount', statedBy: `course ${uid(20)} (provider ${uid(10)})` } });
    expect(got.label.en).toBe('Korean language course (LPK): Korean for EPS-TOPIK');
    // The course's fee is the provider's whole fee: the market registration line is left out.
    expect(e.lines.some((l) => l.id === 'koreanCourseRegistration')).toBe(false);
    expect(got.payers.map((p) => [p.payer, p.amountIdr!.amount])).toEqual([['WORKER', 2_750_000]]);
    const paid = estimateCosts(input, params, [CITY_PAYS_KOREAN_COURSE]);
    expect(paid.lines.find((l) => l.id === 'koreanCourse')!.payers.map((p) => [p.payer, p.amountIdr!.amount])).toEqual([['CITY_SUBSIDY', 2_750_000]]);
    const market = estimateCosts({ ...input, koreanCourse: undefined }, params);
    expect(paid.worker.beforeDeparture.amount).toBe(market.worker.beforeDeparture.amount - 3_000_000 - 1_500_000);
    const welding = koreanCourse({
      id: uid(22),
      kind: 'SKILL',
      title: { id: 'Las FCAW 3G', en: 'FCAW 3G welding' },
      hours: 340,
      fee: money(5_000_000, 'IDR'),
      target: { kind: 'SKILL_CERTIFICATE', certifier: 'KOSHIPA', occupation: 'WELDER', qualification: 'FCAW 3G (X-ray)' },
    });
    expect(() => koreanCourseFee(welding)).toThrow(expect.objectContaining({ code: 'TRAINING.NOT_A_KOREAN_COURSE' }));
  });
});
