/**
 * The compiled guards on the real schema: personal types are guarded once per object (the field that
 * returns them), public scalars are plain property reads, the few fields whose rule differs from their
 * type's keep a check of their own, and no field resolver starts after the request's deadline.
 */
import { isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { buildGatewaySchema } from '../graphql/schema';
import { ANONYMOUS, type Principal } from './role';
import { runWithDeadline } from './query-timeout';
import { compileFieldGuards, type FieldGuardReport } from './field-guards';
import { PERSONAL_RULE, PERSONAL_TYPES, STAFF_RULE } from './rules';
import { ForbiddenError, AuthenticationRequiredError, QueryTimeoutError } from './security-error';

let schema: GraphQLSchema;
let report: FieldGuardReport;
beforeAll(async () => {
  schema = await buildGatewaySchema();
  // buildGatewaySchema compiled it; compiling again returns that report and wraps nothing twice
  report = compileFieldGuards(schema);
});

function field(type: string, name: string): GraphQLField<unknown, { principal?: Principal }> {
  const t = schema.getType(type);
  if (!isObjectType(t)) throw new Error(`${type} is not an object type`);
  const f = t.getFields()[name];
  if (!f) throw new Error(`${type}.${name} does not exist`);
  return f as GraphQLField<unknown, { principal?: Principal }>;
}

const info = {} as never;
const officer: Principal = { kind: 'apiKey', subject: 'apiKey:o', roles: ['OFFICER'] };
const analyst: Principal = { kind: 'apiKey', subject: 'apiKey:a', roles: ['ANALYST'] };

describe('compileFieldGuards on the real schema', () => {
  it('compiles a schema once (a second call wraps nothing again)', () => {
    const before = field('Query', 'jobOpenings').resolve;
    expect(compileFieldGuards(schema)).toBe(report);
    expect(field('Query', 'jobOpenings').resolve).toBe(before);
  });

  it('guards the personal types as types, with their rule', () => {
    for (const name of ['Candidate', 'CandidateProfileGql', 'MedicalRecordGql', 'Placement']) {
      expect(report.typeRules.get(name)).toEqual(PERSONAL_RULE);
    }
    // every type guarded as a whole is personal data or staff-only: never a public one
    for (const [name, rule] of report.typeRules) {
      expect(rule).not.toContain('PUBLIC');
      if (!PERSONAL_TYPES.includes(name)) expect(rule.length).toBeGreaterThan(0);
    }
    expect(report.typeGuards).toEqual(expect.arrayContaining(['Query.candidate', 'CandidateEdge.node', 'Candidate.profile']));
  });

  it('reads public and type-guarded scalars as plain properties (no resolver of their own)', () => {
    expect(field('JobOpening', 'seats').resolve).toBeUndefined();
    expect(field('Mou', 'status').resolve).toBeUndefined();
    const nik = field('CandidateProfileGql', 'nik');
    expect(nik.resolve === undefined || nik.resolve({ nik: '3673' }, {}, { principal: ANONYMOUS }, info) === '3673').toBe(true);
  });

  it('keeps a synchronous check on a field whose rule differs from its type (who recorded a status change)', () => {
    expect(report.fieldChecks).toContain('OpeningStatusChange.actor');
    const actor = field('OpeningStatusChange', 'actor');
    expect(actor.resolve!({ actor: 'apiKey:x' }, {}, { principal: officer }, info)).toBe('apiKey:x');
    expect(() => actor.resolve!({ actor: 'apiKey:x' }, {}, { principal: ANONYMOUS }, info)).toThrow(AuthenticationRequiredError);
    expect(STAFF_RULE).toContain('ANALYST');
  });

  it('checks the returned type once per object: a candidate for a caller without the rule is refused', async () => {
    // CandidateEdge.node has no resolver of its own: the guard wraps the property read
    const node = field('CandidateEdge', 'node');
    const edge = { cursor: 'c', node: { id: 'x' } };
    expect(await node.resolve!(edge, {}, { principal: officer }, info)).toEqual({ id: 'x' });
    expect(() => node.resolve!(edge, {}, { principal: analyst }, info)).toThrow(ForbiddenError);
    // the null case (a lookup that finds nothing answers null to everyone) is Query.candidate for an
    // ANALYST: test/security-existence.test.ts
  });

  it('starts no field resolver after the request deadline', async () => {
    const jobOpenings = field('Query', 'jobOpenings');
    await runWithDeadline(1, async () => {
      const until = performance.now() + 5;
      while (performance.now() < until) {
        // spin past the 1 ms deadline
      }
      expect(() => jobOpenings.resolve!({}, {}, { principal: ANONYMOUS }, info)).toThrow(QueryTimeoutError);
    });
  });
});
