/**
 * A grid of cost estimate inputs across parameter dates, routes, occupations, contract lengths and
 * options, and a digest of each estimate (or of its error). `estimate-costs.golden.json` holds the
 * digests recorded from the implementation before the line sets became data
 * (estimate-costs.golden.test.ts compares against it).
 */
import { createHash } from 'node:crypto';
import { money } from '../../money/money';
import { parameterSnapshot } from '../../parameters/parameter-snapshot';
import { ROUTES, type Occupation, type Route } from '../../shared/vocabulary';
import { estimateCosts, type CostEstimateInput, type CostInputs, type CostPassportKind } from '../estimate-costs';

export const GRID_DATES = ['2024-12-16', '2024-12-17', '2025-01-31', '2025-02-01', '2025-10-01', '2027-01-01'] as const;
export const GRID_OCCUPATIONS: readonly Occupation[] = ['WELDER', 'FISHING_CREW'];
export const GRID_MONTHS = [6, 24, 36] as const;
export const GRID_PASSPORTS: readonly CostPassportKind[] = ['ELECTRONIC', 'REGULAR'];
export const GRID_COURSE = [true, false] as const;
export const GRID_INPUTS: Readonly<Record<string, CostInputs | undefined>> = {
  none: undefined,
  skills: { skillsTestFee: money(2_000_000, 'IDR') },
  all: { skillsTestFee: money(2_000_000, 'IDR'), p3miServiceFee: money(5_000_000, 'IDR'), koreanTestFee: money(600_000, 'IDR') },
};

export interface GridCase {
  readonly asOf: string;
  readonly route: Route;
  readonly occupation: Occupation;
  readonly months: number;
  readonly passport: CostPassportKind;
  readonly includeKoreanCourse: boolean;
  readonly inputs: string;
}

export const caseKey = (c: GridCase): string =>
  [c.asOf, c.route, c.occupation, c.months, c.passport, c.includeKoreanCourse ? 'course' : 'noCourse', c.inputs].join(' ');

export function gridCases(): GridCase[] {
  const out: GridCase[] = [];
  for (const asOf of GRID_DATES)
    for (const route of ROUTES)
      for (const occupation of GRID_OCCUPATIONS)
        for (const months of GRID_MONTHS)
          for (const passport of GRID_PASSPORTS)
            for (const includeKoreanCourse of GRID_COURSE)
              for (const inputs of Object.keys(GRID_INPUTS)) out.push({ asOf, route, occupation, months, passport, includeKoreanCourse, inputs });
  return out;
}

/** sha256 (first 16 hex digits) of the estimate, or of the error's code, path and details. */
export function estimateDigest(c: GridCase): string {
  const given = GRID_INPUTS[c.inputs];
  const input: CostEstimateInput = {
    route: c.route,
    occupation: c.occupation,
    contractMonths: c.months,
    passport: c.passport,
    includeKoreanCourse: c.includeKoreanCourse,
    ...(given ? { inputs: given } : {}),
  };
  let outcome: unknown;
  try {
    outcome = estimateCosts(input, parameterSnapshot(c.asOf));
  } catch (e) {
    const x = e as { code?: string; path?: unknown; details?: unknown; message?: string };
    outcome = { error: x.code ?? x.message, path: x.path ?? null, details: x.details ?? null };
  }
  return createHash('sha256').update(JSON.stringify(outcome)).digest('hex').slice(0, 16);
}
