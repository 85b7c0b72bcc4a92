/**
 * The access rules of the real schema (issue 5): every query and mutation has an explicit rule, every
 * field that returns personal data has one and none of them is PUBLIC, mutations are never public, and
 * nothing can change the audit log.
 */
import { getNamedType, isInterfaceType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { buildGatewaySchema } from '../src/graphql/schema';
import { findUnprotectedFields, typeGraphqlRuleLookup } from '../src/security/schema-access-audit';
import { CANDIDATE_LOOKUP_RULE, PERSONAL_RULE, PERSONAL_TYPES, PUBLIC_RULE } from '../src/security/rules';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

const rulesOf = (type: string, field: string): readonly string[] | undefined => {
  const t = schema.getType(type);
  if (!isObjectType(t)) throw new Error(`${type} is not an object type`);
  const f = t.getFields()[field];
  if (!f) throw new Error(`${type}.${field} does not exist`);
  return typeGraphqlRuleLookup(type, field, f as GraphQLField<unknown, unknown>);
};

describe('the schema walk on the real schema', () => {
  it('lists only personal types the schema has (a renamed type would silently escape the walk)', () => {
    expect(PERSONAL_TYPES.filter((name) => !schema.getType(name))).toEqual([]);
  });

  it('finds no query, mutation or personal field without a rule, and no PUBLIC rule on personal data', () => {
    expect(findUnprotectedFields(schema, { types: PERSONAL_TYPES })).toEqual([]);
  });

  it('treats every type reachable from a candidate profile as personal', () => {
    const seen = new Set<string>();
    const visit = (name: string): void => {
      const type = schema.getType(name);
      if (seen.has(name) || !(isObjectType(type) || isInterfaceType(type))) return;
      seen.add(name);
      for (const f of Object.values(type.getFields())) visit(getNamedType(f.type).name);
    };
    visit('CandidateProfileGql');
    expect(seen.size).toBeGreaterThan(10);
    expect([...seen].filter((n) => !PERSONAL_TYPES.includes(n))).toEqual([]);
  });

  it('every mutation needs a role (none is PUBLIC), and none of them writes the audit log', () => {
    const mutations = Object.keys(schema.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThan(20);
    const open = mutations.filter((m) => {
      const roles = rulesOf('Mutation', m);
      return !roles || roles.length === 0 || roles.includes('PUBLIC');
    });
    expect(open).toEqual([]);
    expect(mutations.filter((m) => /audit/i.test(m))).toEqual([]);
  });

  it('keeps the public surface to the program and the calculators', () => {
    const publicQueries = Object.keys(schema.getQueryType()!.getFields())
      .filter((q) => rulesOf('Query', q)?.includes('PUBLIC'))
      .sort();
    expect(publicQueries).toEqual(
      [
        'compareOpportunities',
        'costEstimate',
        'courses',
        'trainingCohort',
        'trainingCohorts',
        'trainingPlan',
        'eligibilityCheck',
        'financingSimulation',
        'jobOpening',
        'jobOpenings',
        'mou',
        'mous',
        'occupations',
        'parameters',
        'parties',
        'party',
        'quotaFill',
        'quotas',
        'regions',
        'routes',
        'upfrontCash',
        'upfrontCashLine',
      ].sort(),
    );
    for (const q of publicQueries) expect(rulesOf('Query', q)).toEqual(PUBLIC_RULE);
  });

  it('gives ANALYST no field of a personal record: not health, not the aggregate dimensions (issue 8)', () => {
    const offending: string[] = [];
    for (const type of PERSONAL_TYPES) {
      const t = schema.getType(type);
      if (!isObjectType(t)) continue;
      for (const field of Object.keys(t.getFields())) {
        if (rulesOf(type, field)?.includes('ANALYST')) offending.push(`${type}.${field}`);
      }
    }
    expect(offending).toEqual([]);
    // the dimensions an analyst would rebuild a suppressed cell from, and the health data
    for (const [type, field] of [
      ['Candidate', 'stage'],
      ['Candidate', 'stageSince'],
      ['Candidate', 'kecamatan'],
      ['Candidate', 'sex'],
      ['Candidate', 'targetOccupation'],
      ['Candidate', 'targetRoute'],
      ['Candidate', 'eligibilityStatus'],
      ['CandidateProfileGql', 'ageBand'],
      ['CandidateProfileGql', 'nik'],
      ['CandidateProfileGql', 'declaredBirthDate'],
      ['MedicalConditionsGql', 'HIV'],
      ['CandidateStageChange', 'at'],
      ['Candidate', 'eligibility'],
    ] as const) {
      expect([`${type}.${field}`, rulesOf(type, field)]).toEqual([`${type}.${field}`, PERSONAL_RULE]);
    }
  });

  it('reaches candidate records for ANALYST only through the two lookups that refuse them (issue 8)', () => {
    // every field anywhere in the schema that returns a record type (Candidate, a connection of it,
    // a ranked list, a placement, a plan …) and whose rule names ANALYST: only Query.candidates
    // (refused in the resolver: ANALYST_USE_AGGREGATES) and Query.candidate (null) may
    const recordTypes = new Set([...PERSONAL_TYPES, 'CandidateConnection', 'CandidateEdge']);
    const reach: string[] = [];
    for (const named of Object.values(schema.getTypeMap())) {
      if (!isObjectType(named) || named.name.startsWith('__')) continue;
      for (const [field, f] of Object.entries(named.getFields())) {
        if (!recordTypes.has(getNamedType(f.type).name)) continue;
        if (rulesOf(named.name, field)?.includes('ANALYST')) reach.push(`${named.name}.${field}`);
      }
    }
    expect(reach.sort()).toEqual(['Query.candidate', 'Query.candidates']);
    expect(rulesOf('Query', 'candidates')).toEqual(CANDIDATE_LOOKUP_RULE);
    expect(rulesOf('JobOpening', 'rankedCandidates')).not.toContain('ANALYST');
  });
});
