/**
 * The demo's cohorts at volume (the 100,000-candidate bench database puts many trainees on one day):
 * each cohort holds at most COHORT_SEATS members, everyone is placed once, and every cohort is
 * built through the domain's Cohort without error (enrolments before the start, leaves in order).
 */
import { buildDemoProgram } from './program';
import { DemoRandom } from './random';
import { buildDemoTraining, COHORT_SEATS, type DemoTrainee } from './training';
import { wib } from './calendar';

const provider = buildDemoProgram(new DemoRandom('t'), 10).trainingProviders[0]!;

function trainees(n: number, day: string, next?: (i: number) => DemoTrainee['next']): DemoTrainee[] {
  const rng = new DemoRandom(`trainees-${day}`);
  return Array.from({ length: n }, (_, i) => ({ candidateId: rng.uuid(), enteredAt: wib(day as never, 9, i % 60), next: next?.(i) }));
}

it('splits one day’s 100 trainees into cohorts of at most COHORT_SEATS that start after that day', () => {
  const t = buildDemoTraining(new DemoRandom('x'), provider, trainees(100, '2026-03-10'))!;
  expect(t.cohorts.map((c) => c.enrolments.length)).toEqual([30, 30, 30, 10]);
  expect(t.cohorts.every((c) => c.capacity === COHORT_SEATS && c.startDate > '2026-03-10')).toBe(true);
  expect(new Set(t.cohorts.flatMap((c) => c.enrolments.map((e) => e.candidateId))).size).toBe(100);
});

it('withdrawals before the start and drop-outs during it, in time order; completers complete', () => {
  const leaveAt = (d: string) => new Date(wib(d as never, 10)).toISOString();
  const t = buildDemoTraining(new DemoRandom('y'), provider, trainees(12, '2026-02-02', (i) =>
    i % 3 === 0 ? { stage: 'WITHDRAWN', at: leaveAt(i % 2 ? '2026-02-05' : '2026-03-04') } : i % 3 === 1 ? { stage: 'TESTING', at: leaveAt('2026-05-01') } : undefined,
  ))!;
  const [c] = t.cohorts;
  expect(c!.status).toBe('COMPLETED');
  const by = (s: string) => c!.enrolments.filter((e) => e.status === s).length;
  expect(by('WITHDRAWN') + by('DROPPED')).toBe(4);
  expect(by('WITHDRAWN')).toBeGreaterThan(0);
  expect(by('DROPPED')).toBeGreaterThan(0);
  expect(by('COMPLETED')).toBeGreaterThanOrEqual(4);
});

it('is deterministic', () => {
  const a = buildDemoTraining(new DemoRandom('z'), provider, trainees(40, '2026-04-01'));
  const b = buildDemoTraining(new DemoRandom('z'), provider, trainees(40, '2026-04-01'));
  expect(JSON.stringify(a?.cohorts)).toBe(JSON.stringify(b?.cohorts));
});
