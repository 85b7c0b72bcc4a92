import fc from 'fast-check';
import { PARAMETER_FILES, PARAMETER_IDS } from './parameter-registry';
import { parameterAsOf, parameterSnapshot, type ParameterOverlay } from './parameter-snapshot';
import type { ParameterId } from './parameter-values';

const code = (c: string) => expect.objectContaining({ code: c });

const CITY_PAYS_COURSE: ParameterOverlay = {
  name: 'city-pays-korean-course',
  description: { id: 'Pemkot menanggung kursus bahasa Korea', en: 'The city pays the Korean course' },
  values: { 'fee.koreanCourseIdr': 0, 'fee.koreanCourseRegistrationIdr': 0 },
};

describe('parameterSnapshot', () => {
  it('reads typed values as of a date', () => {
    const s = parameterSnapshot('2026-03-01');
    expect(s.asOf).toBe('2026-03-01');
    expect(s.get('korea.minimumWageHourlyKrw')).toBe(10320);
    expect(s.get('kur.annualRate')).toBe('0.06');
    expect(s.get('eps.ageBand')).toEqual({ min: 18, max: 39 });
    expect(s.get('eps.minEducation')).toBe('SLTP');
    expect(s.get('routes.status').E8.status).toBe('SUSPENDED');
    expect(s.get('costs.zeroCostOccupations')).toHaveLength(10);
    expect(parameterAsOf('fx.idrPerUsd', '2026-03-01')).toBe('16411.65');
  });

  it('describes a value with its unit and start date, and no texts or citations (those are in the sources entry)', () => {
    const d = parameterSnapshot('2025-06-30').describe('korea.minimumWageMonthlyKrw');
    expect(d).toMatchObject({ id: 'korea.minimumWageMonthlyKrw', value: 2096270, effectiveFrom: '2025-01-01', unit: 'KRW per month', isDefault: false });
    expect(d).not.toHaveProperty('sources');
    expect(d).not.toHaveProperty('description');
    expect(d.overlaidBy).toBeUndefined();
    expect(parameterSnapshot('2025-06-30').describe('fx.idrPerKrw').isDefault).toBe(true);
  });

  it('all() lists only the parameters in force', () => {
    const early = parameterSnapshot('2018-01-01').all();
    expect(early.map((d) => d.id)).toEqual(['identity.birthDate.maxAgeYears', 'kur.annualRate', 'kur.ceilingIdr', 'kur.maxTenorMonths', 'law.minimumAge', 'topik.levels']);
    const now = parameterSnapshot('2026-01-01').all();
    expect(now.map((d) => d.id)).toEqual([...PARAMETER_IDS]);
    expect(parameterSnapshot('2014-06-30').all()).toEqual([]);
  });

  it('rejects invalid dates and unknown ids', () => {
    expect(() => parameterSnapshot('2026-02-29')).toThrow(code('DATE.INVALID'));
    expect(() => parameterSnapshot('2026-01-01').get('kur.bogus' as ParameterId)).toThrow(code('PARAMETER.UNKNOWN'));
    expect(() => parameterSnapshot('2026-01-01').describe('__proto__' as ParameterId)).toThrow(code('PARAMETER.UNKNOWN'));
    expect(() => parameterSnapshot('2024-06-01').get('kur.graceMonths')).toThrow(code('PARAMETER.BEFORE_COVERAGE'));
  });

  it('returns frozen values that cannot be used to edit the base', () => {
    const s = parameterSnapshot('2026-01-01');
    const band = s.get('eps.ageBand');
    expect(() => {
      (band as { max: number }).max = 60;
    }).toThrow(TypeError);
    expect(() => (s.get('costs.zeroCostOccupations') as string[]).push('WELDER')).toThrow(TypeError);
    expect(parameterSnapshot('2026-01-01').get('eps.ageBand').max).toBe(39);
  });
});

describe('overlays (what-if reforms)', () => {
  it('replace values in the snapshot and say so', () => {
    const s = parameterSnapshot('2026-01-01', [CITY_PAYS_COURSE]);
    expect(s.overlays).toEqual(['city-pays-korean-course']);
    expect(s.get('fee.koreanCourseIdr')).toBe(0);
    expect(s.describe('fee.koreanCourseIdr')).toMatchObject({ value: 0, overlaidBy: 'city-pays-korean-course', effectiveFrom: '2026-01-01' });
    expect(s.get('fee.visaIdr')).toBe(550000);
  });

  it('never change the base', () => {
    const overlay: ParameterOverlay = {
      name: 'older-age-band',
      description: { id: 'Batas usia 18–40', en: 'Age band 18–40' },
      values: { 'eps.ageBand': { min: 18, max: 40 } },
    };
    const before = JSON.stringify(PARAMETER_FILES);
    const s = parameterSnapshot('2026-01-01', [overlay]);
    expect(s.get('eps.ageBand')).toEqual({ min: 18, max: 40 });
    expect(parameterSnapshot('2026-01-01').get('eps.ageBand')).toEqual({ min: 18, max: 39 });
    expect(JSON.stringify(PARAMETER_FILES)).toBe(before);
    // The overlay's own object is copied: editing it later does not leak into the snapshot.
    (overlay.values['eps.ageBand'] as { max: number }).max = 99;
    expect(s.get('eps.ageBand').max).toBe(40);
    expect(Object.isFrozen(s.get('eps.ageBand'))).toBe(true);
  });

  it('apply in order: a later overlay wins', () => {
    const a: ParameterOverlay = { name: 'a', description: { id: 'a', en: 'a' }, values: { 'eps.topikMinScore': 120 } };
    const b: ParameterOverlay = { name: 'b', description: { id: 'b', en: 'b' }, values: { 'eps.topikMinScore': 150 } };
    expect(parameterSnapshot('2026-01-01', [a, b]).describe('eps.topikMinScore')).toMatchObject({ value: 150, overlaidBy: 'b' });
    expect(parameterSnapshot('2026-01-01', [b, a]).describe('eps.topikMinScore')).toMatchObject({ value: 120, overlaidBy: 'a' });
  });

  it('apply even outside base coverage, and all() includes them', () => {
    const s = parameterSnapshot('2024-06-01', [{ name: 'zero-tenor-check', description: { id: 'x', en: 'x' }, values: { 'kur.maxTenorMonths': 24 } }]);
    expect(s.get('kur.maxTenorMonths')).toBe(24);
    expect(s.all().some((d) => d.id === 'kur.maxTenorMonths')).toBe(true);
  });

  it.each<[unknown, string]>([
    [[{ name: '', description: { id: 'x', en: 'x' }, values: {} }], 'PARAMETER.INVALID_OVERLAY'],
    [[{ name: 'x', description: { id: 'x' }, values: {} }], 'PARAMETER.INVALID_OVERLAY'],
    [[{ name: 'x', description: { id: 'x', en: 'x' }, values: null }], 'PARAMETER.INVALID_OVERLAY'],
    ['not a list', 'PARAMETER.INVALID_OVERLAY'],
    [[{ name: 'x', description: { id: 'x', en: 'x' }, values: { 'kur.bogus': 1 } }], 'PARAMETER.UNKNOWN'],
    [[{ name: 'x', description: { id: 'x', en: 'x' }, values: { 'kur.annualRate': 0.06 } }], 'PARAMETER.INVALID_VALUE'],
    [[{ name: 'x', description: { id: 'x', en: 'x' }, values: { 'kur.annualRate': '1.5' } }], 'PARAMETER.INVALID_VALUE'],
    [[{ name: 'x', description: { id: 'x', en: 'x' }, values: { 'fee.visaIdr': -1 } }], 'PARAMETER.INVALID_VALUE'],
    [[{ name: 'x', description: { id: 'x', en: 'x' }, values: { 'fee.visaIdr': 1.5 } }], 'PARAMETER.INVALID_VALUE'],
    [[{ name: 'x', description: { id: 'x', en: 'x' }, values: { 'eps.ageBand': { min: 40, max: 18 } } }], 'PARAMETER.INVALID_VALUE'],
    [[{ name: 'x', description: { id: 'x', en: 'x' }, values: { 'eps.minEducation': 'SMA' } }], 'PARAMETER.INVALID_VALUE'],
    [[{ name: 'x', description: { id: 'x', en: 'x' }, values: { 'kur.graceInterest': 'FLAT' } }], 'PARAMETER.INVALID_VALUE'],
    [[{ name: 'x', description: { id: 'x', en: 'x' }, values: { 'costs.zeroCostOccupations': ['PILOT'] } }], 'PARAMETER.INVALID_VALUE'],
    [[{ name: 'x', description: { id: 'x', en: 'x' }, values: { 'routes.status': { E9: { status: 'OPEN' } } } }], 'PARAMETER.INVALID_VALUE'],
    [[{ name: 'x', description: { id: 'x', en: 'x' }, values: { 'fx.idrPerKrw': '0' } }], 'PARAMETER.INVALID_VALUE'],
    [[{ name: 'x', description: { id: 'x', en: 'x' }, values: { 'topik.levels': [{ test: 'TOPIK_I', level: 1, min: 80, max: 139 }, { test: 'TOPIK_I', level: 2, min: 130, max: 200 }] } }], 'PARAMETER.INVALID_VALUE'],
  ])('reject %j with %s', (overlays, expected) => {
    expect(() => parameterSnapshot('2026-01-01', overlays as ParameterOverlay[])).toThrow(code(expected));
  });

  it('error messages name the parameter but never echo the submitted value', () => {
    try {
      parameterSnapshot('2026-01-01', [{ name: 'x', description: { id: 'x', en: 'x' }, values: { 'fee.visaIdr': -987654 } }]);
      throw new Error('expected an error');
    } catch (e) {
      const msg = JSON.stringify(e) + String((e as Error).message);
      expect(msg).not.toMatch(/987654/);
    }
  });

  it('an overlay that restates base values changes nothing (property)', () => {
    const dates = fc.date({ min: new Date('2028-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(dates, fc.subarray([...PARAMETER_IDS]), (asOf, ids) => {
        const base = parameterSnapshot(asOf);
        const values = Object.fromEntries(ids.map((id) => [id, base.get(id)]));
        const same = parameterSnapshot(asOf, [{ name: 'restate', description: { id: 'x', en: 'x' }, values }]);
        for (const id of PARAMETER_IDS) expect(same.get(id)).toEqual(base.get(id));
      }),
      { numRuns: 30 },
    );
  });
});
