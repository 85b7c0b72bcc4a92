/**
 * The cost line sets became data (cost-line-sets.ts); the estimates did not change. The golden file
 * holds a digest of every estimate on a grid of dates × routes × occupations × contract lengths ×
 * passport × course × inputs, recorded from the implementation before that change.
 *
 * Re-recorded for issue 13, every change explained by a check run once: the cases whose occupation
 * is outside the route's sectors (E-9 welder, E-7-3 fishing crew, …) are now refused with
 * ROUTE.OCCUPATION_NOT_IN_SECTORS (864 cases); every other estimate equals its earlier digest once
 * the four new UNKNOWN lines (contract legalisation, local transport, accommodation, return ticket),
 * their missing inputs, the `unknownLineIds` of the totals and the COSTS.INCOMPLETE warning they
 * cause are taken out (648 cases).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { ROUTES } from '../shared/vocabulary';
import {
  caseKey,
  estimateDigest,
  gridCases,
  GRID_COURSE,
  GRID_DATES,
  GRID_INPUTS,
  GRID_MONTHS,
  GRID_OCCUPATIONS,
  GRID_PASSPORTS,
  type GridCase,
} from './__tests__/estimate-grid';

const golden = JSON.parse(fs.readFileSync(path.join(__dirname, '__tests__', 'estimate-costs.golden.json'), 'utf8')) as Record<string, string>;

describe('estimateCosts against the recorded estimates', () => {
  it('the golden file covers the whole grid', () => {
    expect(Object.keys(golden).sort()).toEqual(gridCases().map(caseKey).sort());
  });

  it('property: any grid case gives the recorded estimate', () => {
    const arbCase: fc.Arbitrary<GridCase> = fc.record({
      asOf: fc.constantFrom(...GRID_DATES),
      route: fc.constantFrom(...ROUTES),
      occupation: fc.constantFrom(...GRID_OCCUPATIONS),
      months: fc.constantFrom(...GRID_MONTHS),
      passport: fc.constantFrom(...GRID_PASSPORTS),
      includeKoreanCourse: fc.constantFrom(...GRID_COURSE),
      inputs: fc.constantFrom(...Object.keys(GRID_INPUTS)),
    });
    fc.assert(
      fc.property(arbCase, (c) => {
        expect(`${caseKey(c)} ${estimateDigest(c)}`).toBe(`${caseKey(c)} ${golden[caseKey(c)]}`);
      }),
      { numRuns: 400 },
    );
  });

  it('every grid case gives the recorded estimate', () => {
    const changed = gridCases().filter((c) => estimateDigest(c) !== golden[caseKey(c)]).map(caseKey);
    expect(changed).toEqual([]);
  });
});
