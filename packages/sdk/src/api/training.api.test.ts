/**
 * The `training` method group against a real HTTP server playing the gateway: each method sends its
 * generated operation (by name) with the variables it is given (shorthand filters expanded), unwraps
 * the field it is named after, `courses()` / `cohorts()` walk every page, and a training refusal keeps
 * the SDK's public code and input field while `trainingErrorCode` names the training rule.
 */
import { createClient, type JembatanClient } from '../client/create-client';
import { isJembatanError, JembatanError } from '../errors/jembatan-error';
import { json, startFakeGateway, type Behaviour, type FakeGateway, type RecordedRequest } from '../__tests__/fake-gateway';
import { toCourseFilter, toTrainingCohortFilter, trainingErrorCode } from './training.api';

let gw: FakeGateway;
let client: JembatanClient;
beforeAll(async () => {
  gw = await startFakeGateway();
  client = createClient({ url: gw.url, retries: 0, timeoutMs: 5_000 });
});
afterAll(() => gw.close());

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

/** A connection server: `total` nodes `{ id: 'n-1' … }` under `field`, pages of the requested size. */
function connectionServer(field: string, total: number): Behaviour {
  return {
    kind: 'fn',
    handle: (req: RecordedRequest) => {
      const first = Number(req.body.variables?.first);
      const after = req.body.variables?.after as string | null | undefined;
      const start = after ? Number(after.slice(2)) : 0;
      const ids = Array.from({ length: Math.max(0, Math.min(first, total - start)) }, (_, i) => start + i + 1);
      const end = start + ids.length;
      return json({
        data: {
          [field]: {
            totalCount: total,
            edges: ids.map((n) => ({ cursor: `c:${n}`, node: { id: `n-${n}` } })),
            pageInfo: { hasNextPage: end < total, endCursor: ids.length ? `c:${end}` : null },
          },
        },
      });
    },
  };
}

describe('training lists: async iteration over a connection', () => {
  it('courses() walks every page and sends the shorthand filter as the schema filter', async () => {
    gw.script(connectionServer('courses', 5));
    const nodes = await collect(client.training.courses({ kind: 'KOREAN_LANGUAGE', providerPartyId: 'p-1' }, { pageSize: 2 }));
    expect(nodes.map((n) => n.id)).toEqual(['n-1', 'n-2', 'n-3', 'n-4', 'n-5']);
    expect(gw.requests.map((r) => r.body.operationName)).toEqual(['ListCourses', 'ListCourses', 'ListCourses']);
    expect(gw.requests.map((r) => r.body.variables)).toEqual([
      { first: 2, after: null, filter: { kinds: ['KOREAN_LANGUAGE'], providerPartyIds: ['p-1'] } },
      { first: 2, after: 'c:2', filter: { kinds: ['KOREAN_LANGUAGE'], providerPartyIds: ['p-1'] } },
      { first: 2, after: 'c:4', filter: { kinds: ['KOREAN_LANGUAGE'], providerPartyIds: ['p-1'] } },
    ]);
  });

  it('cohorts() expands status, courseKind and provider, keeps kecamatan and dates, 50 per page by default', async () => {
    gw.script(connectionServer('trainingCohorts', 3));
    const nodes = await collect(
      client.training.cohorts({ status: 'ENROLLING', statuses: ['RUNNING'], courseKind: 'SKILL', kecamatan: 'Kasemen', startsFrom: '2026-01-01', startsUntil: '2026-06-30' }),
    );
    expect(nodes).toHaveLength(3);
    expect(gw.requests).toHaveLength(1);
    expect(gw.requests[0]?.body.operationName).toBe('ListTrainingCohorts');
    expect(gw.requests[0]?.body.variables).toEqual({
      first: 50,
      after: null,
      filter: { statuses: ['RUNNING', 'ENROLLING'], courseKinds: ['SKILL'], kecamatan: 'Kasemen', startsFrom: '2026-01-01', startsUntil: '2026-06-30' },
    });
  });

  it('cohorts() sends no filter when none is given and stops after maxPages', async () => {
    gw.script(connectionServer('trainingCohorts', 9));
    expect(await collect(client.training.cohorts(undefined, { pageSize: 2, maxPages: 2 }))).toHaveLength(4);
    expect(gw.requests).toHaveLength(2);
    expect(gw.requests[0]?.body.variables).toEqual({ first: 2, after: null });
  });

  it('refuses a page size above the gateway limit before sending', async () => {
    gw.script(connectionServer('courses', 1));
    const e = await rejection((async () => collect(client.training.courses({}, { pageSize: 101 })))());
    expect(isJembatanError(e, 'INVALID_REQUEST')).toBe(true);
    expect(gw.requests).toHaveLength(0);
  });
});

describe('training single calls: operation, variables, unwrapped result', () => {
  const rule = { requiredShare: '4/5', excused: 'EXCLUDED' as const, statedBy: 'Peraturan LPK pasal 7' };
  const course = {
    title: { id: 'Bahasa Korea', en: 'Korean' },
    kind: 'KOREAN_LANGUAGE' as const,
    providerPartyId: 'p',
    providerType: 'TRAINING_CENTRE' as const,
    hours: 100,
    feeIdr: '2500000',
    attendanceRule: rule,
    hasFinalAssessment: false,
    target: { kind: 'EPS_TOPIK' as const, score: 120 },
  };
  const cohort = {
    courseId: 'k',
    capacity: 20,
    startDate: '2026-01-05',
    endDate: '2026-03-27',
    promotionWindowDays: 7,
    venue: { kind: 'KAMPUNG_BAHASA' as const, name: 'Kampung Bahasa', kecamatan: 'Serang' },
    sessions: [{ date: '2026-01-05' }],
  };
  const plan = {
    target: 1000,
    targetDate: '2026-12-31',
    planStart: '2026-01-05',
    cohortSize: 35,
    cohortWeeks: 13,
    maxConcurrentCohorts: 4,
    officialTestDates: ['2026-05-10'],
    passToDepartureDays: 120,
    dropoutRate: '1/10',
    passRate: '0.6',
  };
  const cases: Array<[string, () => Promise<unknown>, string, Record<string, unknown>, Record<string, unknown>, unknown]> = [
    ['coursesPage', () => client.training.coursesPage({ first: 5 }), 'ListCourses', { first: 5 }, { courses: { totalCount: 0 } }, { totalCount: 0 }],
    ['createCourse', () => client.training.createCourse(course), 'CreateCourse', { input: course }, { createCourse: { id: 'k' } }, { id: 'k' }],
    ['cohortsPage', () => client.training.cohortsPage({ first: 5, after: 'c:5' }), 'ListTrainingCohorts', { first: 5, after: 'c:5' }, { trainingCohorts: { totalCount: 6 } }, { totalCount: 6 }],
    ['cohort', () => client.training.cohort('h-1'), 'GetTrainingCohort', { id: 'h-1' }, { trainingCohort: { id: 'h-1' } }, { id: 'h-1' }],
    ['cohort (none)', () => client.training.cohort('h-0'), 'GetTrainingCohort', { id: 'h-0' }, { trainingCohort: null }, null],
    ['roster', () => client.training.roster('h-1'), 'TrainingCohortRoster', { id: 'h-1' }, { trainingCohort: { id: 'h-1', enrolments: [] } }, { id: 'h-1', enrolments: [] }],
    ['createCohort', () => client.training.createCohort(cohort), 'CreateTrainingCohort', { input: cohort }, { createTrainingCohort: { id: 'h', status: 'PLANNED' } }, { id: 'h', status: 'PLANNED' }],
    ['transitionCohort', () => client.training.transitionCohort({ id: 'h', to: 'CANCELLED', note: 'no trainer' }), 'TransitionTrainingCohort', { id: 'h', to: 'CANCELLED', note: 'no trainer' }, { transitionTrainingCohort: { status: 'CANCELLED' } }, { status: 'CANCELLED' }],
    ['enroll', () => client.training.enroll({ cohortId: 'h', candidateId: 'c' }), 'EnrollInTrainingCohort', { cohortId: 'h', candidateId: 'c' }, { enrollCandidate: { status: 'WAITLISTED', waitlistPosition: 2 } }, { status: 'WAITLISTED', waitlistPosition: 2 }],
    ['withdraw', () => client.training.withdraw({ cohortId: 'h', candidateId: 'c', reason: 'OTHER', note: 'moved' }), 'WithdrawFromTrainingCohort', { cohortId: 'h', candidateId: 'c', reason: 'OTHER', note: 'moved' }, { withdrawEnrolment: { promoted: [{ candidateId: 'd' }] } }, { promoted: [{ candidateId: 'd' }] }],
    ['withdraw (drop out)', () => client.training.withdraw({ cohortId: 'h', candidateId: 'c', reason: 'HEALTH', leave: 'DROPPED' }), 'WithdrawFromTrainingCohort', { cohortId: 'h', candidateId: 'c', reason: 'HEALTH', leave: 'DROPPED' }, { withdrawEnrolment: { enrolment: { status: 'DROPPED', reason: 'HEALTH' } } }, { enrolment: { status: 'DROPPED', reason: 'HEALTH' } }],
    ['recordAttendance', () => client.training.recordAttendance({ cohortId: 'h', sessionNumber: 1, marks: [{ candidateId: 'c', mark: 'PRESENT' }] }), 'RecordTrainingAttendance', { input: { cohortId: 'h', sessionNumber: 1, marks: [{ candidateId: 'c', mark: 'PRESENT' }] } }, { recordAttendance: { id: 'h' } }, { id: 'h' }],
    ['recordAssessment', () => client.training.recordAssessment({ cohortId: 'h', candidateId: 'c', kind: 'PRACTICE', test: 'EPS_TOPIK', takenOn: '2026-01-09', score: 131 }), 'RecordTrainingAssessment', { input: { cohortId: 'h', candidateId: 'c', kind: 'PRACTICE', test: 'EPS_TOPIK', takenOn: '2026-01-09', score: 131 } }, { recordAssessment: { id: 'h' } }, { id: 'h' }],
    ['recordTestResult', () => client.training.recordTestResult({ candidateId: 'c', test: 'EPS_TOPIK', takenOn: '2026-02-01', score: 150, round: '2026 manufacturing (Indonesia)' }), 'RecordTrainingTestResult', { input: { candidateId: 'c', test: 'EPS_TOPIK', takenOn: '2026-02-01', score: 150, round: '2026 manufacturing (Indonesia)' } }, { recordTestResult: { id: 'c', eligibilityStatus: 'ELIGIBLE' } }, { id: 'c', eligibilityStatus: 'ELIGIBLE' }],
    ['candidate', () => client.training.candidate({ id: 'c', nextOfficialTestDate: '2026-05-10' }), 'CandidateTraining', { id: 'c', nextOfficialTestDate: '2026-05-10' }, { candidate: { id: 'c', training: { enrolments: [] } } }, { id: 'c', training: { enrolments: [] } }],
    ['candidate (none)', () => client.training.candidate({ id: 'x' }), 'CandidateTraining', { id: 'x' }, { candidate: null }, null],
    ['plan', () => client.training.plan(plan), 'TrainingPlan', { input: plan }, { trainingPlan: { reachable: false, bindingConstraint: 'TIME' } }, { reachable: false, bindingConstraint: 'TIME' }],
    [
      'plan (the rates observed: omitted from the input)',
      () => client.training.plan({ ...plan, dropoutRate: undefined, passRate: null, observedFrom: { courseKinds: ['KOREAN_LANGUAGE'] } }),
      'TrainingPlan',
      { input: { ...plan, dropoutRate: undefined, passRate: null, observedFrom: { courseKinds: ['KOREAN_LANGUAGE'] } } },
      { trainingPlan: { dropoutRate: { value: '2/17', source: 'OBSERVED', numerator: 2, denominator: 17, observedOn: '2026-07-15' } } },
      { dropoutRate: { value: '2/17', source: 'OBSERVED', numerator: 2, denominator: 17, observedOn: '2026-07-15' } },
    ],
  ];

  it.each(cases)('%s', async (_label, call, operationName, variables, data, expected) => {
    gw.script(json({ data }));
    await expect(call()).resolves.toEqual(expected);
    expect(gw.requests).toHaveLength(1);
    expect(gw.requests[0]?.body.operationName).toBe(operationName);
    expect(gw.requests[0]?.body.variables).toEqual(variables);
    expect(gw.requests[0]?.body.query).toMatch(new RegExp(`^(query|mutation) ${operationName}\\b`));
  });

  it('the public cohort reads select no staff-only or personal field (who recorded a change, the members)', async () => {
    gw.script(json({ data: { trainingCohort: null } }));
    await client.training.cohort('h');
    gw.script(json({ data: { trainingCohorts: { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } }));
    await collect(client.training.cohorts());
    for (const r of gw.requests) {
      expect(r.body.query).not.toMatch(/\bactor\b/);
      expect(r.body.query).not.toMatch(/\benrolments\b/);
    }
  });

  it('mutations are never retried; the plan (a query) is', async () => {
    const retrying = createClient({ url: gw.url, retries: { retries: 2, baseDelayMs: 1, maxDelayMs: 5 }, timeoutMs: 5_000 });
    gw.script({ kind: 'destroy' }, json({ data: { enrollCandidate: { status: 'ENROLLED' } } }));
    await expect(retrying.training.enroll({ cohortId: 'h', candidateId: 'c' })).rejects.toMatchObject({ code: 'NETWORK_ERROR', attempts: 1 });
    gw.script({ kind: 'destroy' }, json({ data: { trainingPlan: { reachable: true } } }));
    await expect(retrying.training.plan(plan)).resolves.toEqual({ reachable: true });
    expect(gw.requests).toHaveLength(2);
  });

  it('trainingAggregates asks for every figure with its suppression flag and the disclosure', async () => {
    gw.script(json({ data: { trainingAggregates: { asOf: '2026-06-30' } } }));
    await client.aggregates.trainingAggregates();
    const query = (gw.requests[0]?.body.query ?? '').replace(/\s+/g, ' ');
    expect(query).toMatch(/^query TrainingAggregates\b/);
    expect(query).toContain('disclosure { ...DisclosureFields }');
    expect(query).toContain('fragment DisclosureFields on Disclosure { protectedView minCellCount suppressedCells referenceDate }');
    for (const level of ['byCohort', 'byProvider', 'byKecamatan', 'total']) expect(query).toContain(`${level} { ...TrainingAggregateRowFields }`);
    expect(query).toContain('fill { capacity seatsHeld rate suppressed }');
    expect(query).toContain('attendance { people attended counted rate suppressed }');
    for (const rate of ['completion', 'practicePass', 'officialPass']) expect(query).toContain(`${rate} { ...TrainingRateFields }`);
    expect(query).toContain('fragment TrainingRateFields on TrainingRate { numerator denominator rate suppressed }');
    expect(gw.requests[0]?.body.variables).toEqual({});
  });

  it('the group is frozen', () => {
    expect(Object.isFrozen(client.training)).toBe(true);
  });
});

describe('training refusals: public code, input field and the TRAINING.* rule', () => {
  /** Refusals shaped as the gateway sends them (extensions.code, messages, field segments, domainCode). */
  const refusal = (code: string, domainCode: string, field: Array<string | number>, path: string) =>
    json({
      data: null,
      errors: [
        {
          message: `refused: ${domainCode}`,
          path: [path],
          extensions: { code, messages: { id: `ditolak: ${domainCode}`, en: `refused: ${domainCode}` }, field, domainCode, requestId: 'req-1' },
        },
      ],
    });

  it.each([
    ['enroll', 'BAD_USER_INPUT', 'TRAINING.CANDIDATE_NOT_RESIDENT', ['candidateId'], 'enrollCandidate', () => client.training.enroll({ cohortId: 'h', candidateId: 'c' })],
    ['recordAttendance', 'NOT_FOUND', 'TRAINING.SESSION_NOT_FOUND', ['input', 'sessionNumber'], 'recordAttendance', () => client.training.recordAttendance({ cohortId: 'h', sessionNumber: 99, marks: [] })],
    ['recordAttendance (a mark for a non-member)', 'BAD_USER_INPUT', 'TRAINING.NOT_ENROLLED', ['input', 'marks', 0, 'candidateId'], 'recordAttendance', () => client.training.recordAttendance({ cohortId: 'h', sessionNumber: 1, marks: [{ candidateId: 'x', mark: 'PRESENT' }] })],
    ['createCohort', 'BAD_USER_INPUT', 'TRAINING.DATES_OUT_OF_ORDER', ['input', 'endDate'], 'createTrainingCohort', () => client.training.createCohort({ courseId: 'k', capacity: 0, startDate: '2026-02-01', endDate: '2026-01-01', promotionWindowDays: 7, venue: { kind: 'OTHER', name: 'x', kecamatan: 'Serang' } })],
    ['enroll (twice in a kind)', 'CONFLICT', 'TRAINING.ALREADY_ENROLLED_IN_KIND', ['candidateId'], 'enrollCandidate', () => client.training.enroll({ cohortId: 'h', candidateId: 'c' })],
    ['plan (an observed rate not available)', 'BAD_USER_INPUT', 'TRAINING.OBSERVED_RATE_UNAVAILABLE', ['input', 'passRate'], 'trainingPlan', () => client.training.plan({ target: 10, targetDate: '2026-12-31', planStart: '2026-01-05', cohortSize: 30, cohortWeeks: 12, maxConcurrentCohorts: 2, officialTestDates: [], passToDepartureDays: 60, dropoutRate: '1/10' })],
  ] as const)('%s: %s / %s at %j', async (_label, code, domainCode, field, path, call) => {
    gw.script(refusal(code, domainCode, [...field], path));
    const e = await rejection(call());
    expect(e).toBeInstanceOf(JembatanError);
    expect(e).toMatchObject({ code, field: field.join('.'), fieldPath: field, requestId: 'req-1', messages: { id: `ditolak: ${domainCode}`, en: `refused: ${domainCode}` } });
    expect(trainingErrorCode(e)).toBe(domainCode);
  });

  it('is undefined for anything that is not a training refusal', async () => {
    gw.script(json({ data: null, errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] }));
    const forbidden = await rejection(client.training.enroll({ cohortId: 'h', candidateId: 'c' }));
    expect(isJembatanError(forbidden, 'FORBIDDEN')).toBe(true);
    expect(trainingErrorCode(forbidden)).toBeUndefined();
    gw.script(json({ data: null, errors: [{ message: 'no', extensions: { code: 'NIK_INVALID', domainCode: 'NIK.INVALID_LENGTH' } }] }));
    expect(trainingErrorCode(await rejection(client.candidates.register({ profile: {} })))).toBeUndefined();
    gw.script(json({ data: null, errors: [{ message: 'no', extensions: { code: 'BAD_USER_INPUT', domainCode: 'TRAINING.bad code!' } }] }));
    expect(trainingErrorCode(await rejection(client.training.plan({} as never)))).toBeUndefined();
    expect(trainingErrorCode(new Error('TRAINING.SESSION_NOT_FOUND'))).toBeUndefined();
    expect(trainingErrorCode(undefined)).toBeUndefined();
  });
});

describe('training filter shorthands', () => {
  it('merge into the schema lists without duplicates, and drop absent shorthands', () => {
    expect(toCourseFilter({ kinds: ['SKILL'], kind: 'SKILL' })).toEqual({ kinds: ['SKILL'] });
    expect(toCourseFilter({})).toEqual({});
    expect(toCourseFilter(undefined)).toBeUndefined();
    expect(toTrainingCohortFilter({ providerPartyIds: ['a'], providerPartyId: 'b', kecamatan: 'Curug' })).toEqual({ providerPartyIds: ['a', 'b'], kecamatan: 'Curug' });
    expect(toTrainingCohortFilter(undefined)).toBeUndefined();
  });
});
