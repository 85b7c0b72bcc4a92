/**
 * Scenario table (OpenFisca `tests/*.yaml` style): cost estimates by contract length (6, 12, 24,
 * 36 months) on dates that cross the effective dates of the parameters they read:
 * - 2024-12-17  passport tariffs of PP 45/2024 start (before: outside coverage)
 * - 2025-02-01  EPS-TOPIK fee (USD 28) and fx.idrPerUsd start (before: outside coverage for E-9)
 * - 2025-01-01 → 2025-10-01  fx.idrPerKrw 11.44 → 11.5 (return-cost insurance KRW 400,000)
 * - 2025-01-01  the E-7-3 pilot opens and E-8 is suspended (routes.status)
 * Expected amounts are worked out by hand from DOMAIN.md §5 (comments show the sums).
 */
import type { Occupation, Route } from '../shared/vocabulary';
import { money } from '../money/money';
import { parameterSnapshot } from '../parameters/parameter-snapshot';
import { estimateCosts, type CostPassportKind } from './estimate-costs';

interface Scenario {
  asOf: string;
  route: Route;
  occupation: Occupation;
  months: number;
  passport?: CostPassportKind;
  /** Expected: the worker's pre-departure and in-Korea totals, the employer's total, warning codes; or an error code. */
  workerBefore?: number;
  workerInKorea?: number;
  employer?: number;
  warnings?: string[];
  error?: string;
}

// E-9 before departure, without BPJS during work: EPS-TOPIK 459,526 + course 3,000,000 + registration 1,500,000
// + medical 850,000 + e-passport 650,000 + SKCK 35,000 + visa 550,000 + flight 7,600,000 + orientation 1,350,000
// + BPJS before work 37,500 = 16,032,026.
const E9_BASE = 16_032_026;
// E-7-3 with inputs skills test 2,000,000 and P3MI fee 5,000,000 (test inputs, not domain figures), no EPS-TOPIK:
// 3,000,000 + 1,500,000 + 2,000,000 + 850,000 + 650,000 + 35,000 + 550,000 + 7,600,000 + 1,350,000 + 37,500 + 5,000,000.
const E73_BASE = 22_572_500;
const BPJS = { 6: 108_000, 12: 189_000, 24: 332_500, 36: 332_500 + 12 * 13_500 } as const;
const FX_DEFAULT = ['COSTS.DEFAULT_EXCHANGE_RATE', 'COSTS.DEFAULT_EXCHANGE_RATE'];
const UNSOURCED = ['contractLegalisation', 'localTransport', 'accommodation', 'returnTicket'];

const scenarios: Scenario[] = [
  // E-9: the EPS-TOPIK fee is recorded from 1 Feb 2025.
  { asOf: '2025-01-31', route: 'E9', occupation: 'MANUFACTURING_WORKER', months: 24, error: 'PARAMETER.BEFORE_COVERAGE' },
  ...([6, 12, 24, 36] as const).map((m) => ({
    asOf: '2025-02-01',
    route: 'E9' as const,
    occupation: 'MANUFACTURING_WORKER' as const,
    months: m,
    workerBefore: E9_BASE + BPJS[m],
    workerInKorea: 4_576_000, // 400,000 × 11.44
    employer: 0,
    warnings: FX_DEFAULT,
  })),
  { asOf: '2025-09-30', route: 'E9', occupation: 'MANUFACTURING_WORKER', months: 24, workerBefore: E9_BASE + BPJS[24], workerInKorea: 4_576_000, employer: 0, warnings: FX_DEFAULT },
  ...([6, 12, 24, 36] as const).map((m) => ({
    asOf: '2025-10-01',
    route: 'E9' as const,
    occupation: 'MANUFACTURING_WORKER' as const,
    months: m,
    workerBefore: E9_BASE + BPJS[m],
    workerInKorea: 4_600_000, // 400,000 × 11.5
    employer: 0,
    warnings: FX_DEFAULT,
  })),
  { asOf: '2026-01-01', route: 'E9', occupation: 'MANUFACTURING_WORKER', months: 36, passport: 'REGULAR', workerBefore: E9_BASE - 300_000 + BPJS[36], workerInKorea: 4_600_000, employer: 0, warnings: FX_DEFAULT },
  // E-9 fishing crew (Perban 9/2020): the worker keeps EPS-TOPIK and orientation; the employer takes the rest.
  ...([6, 36] as const).map((m) => ({
    asOf: '2025-10-01',
    route: 'E9' as const,
    occupation: 'FISHING_CREW' as const,
    months: m,
    workerBefore: 459_526 + 1_350_000,
    workerInKorea: 4_600_000,
    employer: E9_BASE + BPJS[m] - 459_526 - 1_350_000,
    warnings: FX_DEFAULT,
  })),
  // E-7-3: the passport tariff of PP 45/2024 is recorded from 17 Dec 2024.
  { asOf: '2024-12-16', route: 'E7_3', occupation: 'WELDER', months: 24, error: 'PARAMETER.BEFORE_COVERAGE' },
  ...([6, 12, 24, 36] as const).map((m) => ({
    asOf: '2024-12-17',
    route: 'E7_3' as const,
    occupation: 'WELDER' as const,
    months: m,
    workerBefore: E73_BASE + BPJS[m],
    workerInKorea: 0,
    employer: 0,
    warnings: [],
  })),
  { asOf: '2025-10-01', route: 'E7_3', occupation: 'SHIP_PAINTER', months: 36, passport: 'REGULAR', workerBefore: E73_BASE - 300_000 + BPJS[36], workerInKorea: 0, employer: 0, warnings: [] },
  // The provincial pilot opens on 1 Jan 2025 (CLOSED before); its Korean test fee is a test input here (Rp 600,000).
  { asOf: '2024-12-31', route: 'E7_3_PILOT', occupation: 'WELDER', months: 12, workerBefore: E73_BASE + 600_000 + BPJS[12], workerInKorea: 0, employer: 0, warnings: ['COSTS.ROUTE_NOT_OPEN'] },
  { asOf: '2025-01-01', route: 'E7_3_PILOT', occupation: 'WELDER', months: 12, workerBefore: E73_BASE + 600_000 + BPJS[12], workerInKorea: 0, employer: 0, warnings: [] },
  // E-8 is suspended for Indonesia from 2025: still estimated, with a warning. No EPS-TOPIK, no P3MI, no insurance line.
  {
    asOf: '2024-12-31',
    route: 'E8',
    occupation: 'AGRICULTURE_WORKER',
    months: 6,
    workerBefore: E73_BASE - 2_000_000 - 5_000_000 + BPJS[6],
    workerInKorea: 0,
    employer: 0,
    warnings: [],
  },
  {
    asOf: '2025-01-01',
    route: 'E8',
    occupation: 'AGRICULTURE_WORKER',
    months: 6,
    workerBefore: E73_BASE - 2_000_000 - 5_000_000 + BPJS[6],
    workerInKorea: 0,
    employer: 0,
    warnings: ['COSTS.ROUTE_NOT_OPEN'],
  },
];

describe('cost scenarios by contract length across parameter dates', () => {
  it.each(scenarios.map((s) => [`${s.asOf} ${s.route} ${s.occupation} ${s.months} months${s.passport ? ` ${s.passport}` : ''}`, s] as const))('%s', (_name, s) => {
    const run = () =>
      estimateCosts(
        {
          route: s.route,
          occupation: s.occupation,
          contractMonths: s.months,
          ...(s.passport ? { passport: s.passport } : {}),
          ...(s.route === 'E7_3' || s.route === 'E7_3_PILOT'
            ? {
                inputs: {
                  skillsTestFee: money(2_000_000, 'IDR'),
                  p3miServiceFee: money(5_000_000, 'IDR'),
                  ...(s.route === 'E7_3_PILOT' ? { koreanTestFee: money(600_000, 'IDR') } : {}),
                },
              }
            : {}),
        },
        parameterSnapshot(s.asOf),
      );
    if (s.error) {
      expect(run).toThrow(expect.objectContaining({ code: s.error }));
      return;
    }
    const e = run();
    expect({
      workerBefore: e.worker.beforeDeparture.amount,
      workerInKorea: e.worker.inKorea.amount,
      employer: e.totals.byPayer.EMPLOYER.amount,
      warnings: e.warnings.map((w) => w.code).filter((c) => c !== 'COSTS.INCOMPLETE'),
    }).toEqual({ workerBefore: s.workerBefore, workerInKorea: s.workerInKorea, employer: s.employer, warnings: s.warnings });
    // The Perban 9/2020 items no source prices are UNKNOWN (never 0, never missing): every total excludes them.
    expect(e.complete).toBe(false);
    expect(e.totals.unknownLineIds).toEqual(UNSOURCED);
    expect(e.warnings.map((w) => w.code)).toContain('COSTS.INCOMPLETE');
    expect(e.lines.find((l) => l.id === 'bpjsDuringWork')!.amountIdr!.amount).toBe(BPJS[s.months as keyof typeof BPJS] ?? -1);
  });
});
