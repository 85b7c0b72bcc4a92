/**
 * The offline calculators name the parameters they read by id; the SDK re-exports the domain's
 * sources entry so a page can show where each figure comes from without asking the gateway.
 */
import * as domainSources from '@jembatan/domain/sources';
import { describeParameter, evaluateEligibility, parameterSnapshot, parameterSources, withParameterSources } from '../index';

describe('citations for offline results', () => {
  it('re-exports the functions of @jembatan/domain/sources', () => {
    expect(describeParameter).toBe(domainSources.describeParameter);
    expect(parameterSources).toBe(domainSources.parameterSources);
    expect(withParameterSources).toBe(domainSources.withParameterSources);
  });

  it('cites every parameter an eligibility evaluation read', () => {
    const e = evaluateEligibility({
      route: 'E9',
      asOf: '2026-03-01',
      profile: { nik: '3673011504980001', declaredBirthDate: '1998-04-15', declaredSex: 'M', education: 'SLTA', address: { city: 'KOTA_SERANG', kecamatan: 'Kasemen' } },
    });
    expect(e.parameters.length).toBeGreaterThan(0);
    for (const p of e.parameters) {
      expect(p).not.toHaveProperty('sources');
      const cited = withParameterSources(p);
      expect(cited).toMatchObject({ id: p.id, value: p.value, effectiveFrom: p.effectiveFrom });
      expect(cited.sources.length).toBeGreaterThan(0);
    }
  });

  it('describes a parameter as of a date with its sources', () => {
    const d = describeParameter(parameterSnapshot('2025-06-01'), 'kur.annualRate');
    expect(d).toMatchObject({ id: 'kur.annualRate', value: '0.06', effectiveFrom: '2024-01-01' });
    expect(d.sources.map((s) => s.readOn).every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r))).toBe(true);
  });
});
