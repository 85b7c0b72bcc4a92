/**
 * Every values file (`<id>.parameter.json`): its shape, its id, its values, and every
 * effective-date boundary (the day before a change gives the previous value, the day itself the new
 * one). The registry does not check the files when it loads: these tests do. The sources files
 * next to them are checked by sources/sources.test.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isIsoDate } from '../shared/local-date';
import { effectiveDates, parameterFileProblems, valueAsOf, type ParameterFile } from './parameter-file';
import { PARAMETER_FILES, PARAMETER_IDS } from './parameter-registry';
import { parameterSnapshot } from './parameter-snapshot';
import { parameterValueProblems } from './parameter-value-checks';
import type { ParameterId } from './parameter-values';

const DATA_DIR = path.join(__dirname, 'data');
const fileNames = fs.readdirSync(DATA_DIR).filter((f) => f.endsWith('.parameter.json'));

/** The calendar day before `d` (tests may use Date with arguments; the domain may not). */
function dayBefore(d: string): string {
  const t = Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return new Date(t - 86_400_000).toISOString().slice(0, 10);
}

const CONTRACT_IDS = [
  'law.minimumAge',
  'kur.ceilingIdr', 'kur.annualRate', 'kur.maxTenorMonths', 'kur.graceMonths', 'kur.graceInterest', 'kur.npwpThresholdIdr',
  'bpjs.pmi.beforeWorkIdr', 'bpjs.pmi.contract24MonthsIdr', 'bpjs.pmi.perMonthBeyond24Idr', 'bpjs.pmi.contract12MonthsIdr', 'bpjs.pmi.contract6MonthsIdr',
  'fee.passportRegular5yIdr', 'fee.passportElectronic5yIdr', 'fee.epsTopikUsdCents', 'fee.medicalCheckupIdr', 'fee.skckIdr', 'fee.visaIdr',
  'fee.flightJakartaKoreaIdr', 'fee.orientationIdr', 'fee.koreanCourseIdr', 'fee.koreanCourseRegistrationIdr',
  'korea.minimumWageHourlyKrw', 'korea.minimumWageMonthlyKrw', 'korea.returnCostInsuranceKrw',
  'fx.idrPerKrw', 'fx.idrPerUsd',
  'eps.ageBand', 'eps.minEducation', 'eps.topikValidityMonths', 'eps.topikMinScore', 'eps.topikMaxScore', 'eps.maxPriorMonthsInKorea',
  'topik.levels', 'e73.wageFloorShareOfGni', 'e73.gniPerCapitaKrw', 'e73pilot.minTopikLevel', 'routes.status', 'costs.zeroCostOccupations',
  'disclosure.minCellCount',
  'identity.birthDate.maxAgeYears',
  'ranking.weights',
  'wage.umk.kabupatenSerangIdr', 'wage.umk.kotaSerangIdr', 'wage.umk.kotaTangerangIdr', 'wage.ump.bantenIdr', 'wage.ump.dkiJakartaIdr',
];

describe('parameter data files', () => {
  it('one file per parameter of the contract, all in the registry', () => {
    expect(fileNames.map((f) => f.replace(/\.parameter\.json$/, '')).sort()).toEqual([...CONTRACT_IDS].sort());
    expect([...PARAMETER_IDS]).toEqual([...CONTRACT_IDS].sort());
    expect(fileNames.every((f) => /^[a-z][A-Za-z0-9.]*\.parameter\.json$/.test(f))).toBe(true);
  });

  describe.each(fileNames)('%s', (fileName) => {
    const raw = JSON.parse(fs.readFileSync(path.join(DATA_DIR, fileName), 'utf8')) as Record<string, unknown> & {
      id: ParameterId;
      values: Record<string, unknown>;
    };
    const id = fileName.replace(/\.parameter\.json$/, '');

    it('is well formed: id matches the file name, ISO date keys in order, no sources or notes', () => {
      expect(parameterFileProblems(raw, id)).toEqual([]);
      expect(Object.keys(raw.values).every(isIsoDate)).toBe(true);
      expect(Object.keys(raw.values)).toEqual([...Object.keys(raw.values)].sort());
      expect(raw).not.toHaveProperty('sources');
      expect(raw).not.toHaveProperty('note');
    });

    it('has values of the right type', () => {
      for (const v of Object.values(raw.values)) {
        if (v !== null) expect(parameterValueProblems(raw.id, v)).toEqual([]);
      }
    });

    it('is what the registry serves', () => {
      expect(PARAMETER_FILES[raw.id]).toEqual(raw);
    });
  });

  it('marks exchange rates, the lender-specific grace interest and the ranking policy weights as working defaults, and nothing else', () => {
    const defaults = PARAMETER_IDS.filter((id) => PARAMETER_FILES[id].isDefault === true);
    expect(defaults).toEqual(['fx.idrPerKrw', 'fx.idrPerUsd', 'kur.graceInterest', 'ranking.weights']);
  });

  it('the registry is frozen all the way down', () => {
    expect(Object.isFrozen(PARAMETER_FILES)).toBe(true);
    const routes = PARAMETER_FILES['routes.status'];
    expect(Object.isFrozen(routes.values)).toBe(true);
    expect(Object.isFrozen(Object.values(routes.values)[0])).toBe(true);
    expect(() => {
      (PARAMETER_FILES['kur.ceilingIdr'].values as Record<string, number>)['2024-01-01'] = 1;
    }).toThrow(TypeError);
  });
});

describe('every effective-date boundary of every parameter', () => {
  const boundaries = PARAMETER_IDS.flatMap((id) => {
    const dates = effectiveDates(PARAMETER_FILES[id]);
    return dates.map((d, i) => [id, d, i === 0 ? null : dates[i - 1]!] as const);
  });

  it.each(boundaries)('%s at %s', (id, date, previous) => {
    const file = PARAMETER_FILES[id] as ParameterFile<unknown>;
    const before = dayBefore(date);
    if (previous === null) {
      expect(() => valueAsOf(file, before)).toThrow(expect.objectContaining({ code: 'PARAMETER.BEFORE_COVERAGE' }));
      expect(() => parameterSnapshot(before).get(id)).toThrow(expect.objectContaining({ code: 'PARAMETER.BEFORE_COVERAGE' }));
    } else {
      expect(valueAsOf(file, before)).toEqual(file.values[previous]);
      expect(parameterSnapshot(before).describe(id).effectiveFrom).toBe(previous);
    }
    expect(valueAsOf(file, date)).toEqual(file.values[date]);
    expect(parameterSnapshot(date).describe(id)).toMatchObject({ value: file.values[date], effectiveFrom: date });
  });

  it('dayBefore crosses months, years and leap days', () => {
    expect(dayBefore('2025-01-01')).toBe('2024-12-31');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2025-03-01')).toBe('2025-02-28');
  });
});
