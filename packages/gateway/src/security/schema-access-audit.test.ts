/**
 * The schema walk on a small type-graphql schema, and the authChecker enforcing the same rules at run
 * time (codes as the gateway's formatError renders them).
 */
import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { Authorized, buildSchema, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { formatGatewayError } from '../graphql/errors';
import { authChecker, type PrincipalContext } from './auth-checker';
import { ANONYMOUS, type Principal } from './role';
import { defaultRuleLookup, findUnprotectedFields, type PersonalDataSpec, type RuleLookup } from './schema-access-audit';

@ObjectType({ description: 'medical' })
class SampleMedical {
  @Field(() => Boolean)
  fit!: boolean;
}

@ObjectType({ description: 'candidate' })
class SampleCandidate {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  nik!: string;

  @Authorized('OFFICER')
  @Field(() => SampleMedical, { nullable: true })
  medical!: SampleMedical | null;
}

@Authorized('OFFICER', 'ANALYST')
@ObjectType({ description: 'a personal type guarded as a whole' })
class SampleProfile {
  @Field(() => String)
  kecamatan!: string;

  @Field(() => String)
  education!: string;
}

@ObjectType({ description: 'opening' })
class SampleOpening {
  @Field(() => ID)
  id!: string;

  @Field(() => [SampleCandidate], { description: 'unguarded path to personal data' })
  ranked!: SampleCandidate[];

  @Authorized('OFFICER', 'PARTNER')
  @Field(() => [SampleCandidate])
  rankedGuarded!: SampleCandidate[];

  @Field(() => String, { nullable: true })
  contactPhone!: string | null;
}

const candidate: SampleCandidate = { id: 'c-1', nik: '3673012345670001', medical: { fit: true } };

@Resolver()
class SampleResolver {
  @Authorized('PUBLIC')
  @Query(() => [SampleOpening])
  openings(): SampleOpening[] {
    return [{ id: 'o-1', ranked: [candidate], rankedGuarded: [candidate], contactPhone: null }];
  }

  @Query(() => String)
  forgotten(): string {
    return 'no rule';
  }

  @Authorized('OFFICER', 'ANALYST')
  @Query(() => SampleCandidate)
  candidate(): SampleCandidate {
    return candidate;
  }

  @Authorized('PUBLIC')
  @Query(() => SampleCandidate)
  leakyCandidate(): SampleCandidate {
    return candidate;
  }

  @Authorized('OFFICER')
  @Query(() => SampleProfile)
  profile(): SampleProfile {
    return { kecamatan: 'Kasemen', education: 'SLTA' };
  }

  @Authorized('ADMIN')
  @Mutation(() => Boolean)
  revokeSomething(): boolean {
    return true;
  }

  @Mutation(() => Boolean)
  unguardedMutation(): boolean {
    return true;
  }

  @Authorized()
  @Query(() => String)
  anySignedIn(): string {
    return 'hi';
  }
}

const PERSONAL: PersonalDataSpec = {
  types: ['SampleCandidate', 'SampleMedical', 'SampleProfile'],
  fields: ['SampleOpening.contactPhone'],
};

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildSchema({ resolvers: [SampleResolver], authChecker, authMode: 'error', validate: false });
});

describe('findUnprotectedFields', () => {
  it('lists exactly the fields without a rule, and personal data behind a PUBLIC rule', () => {
    expect(findUnprotectedFields(schema, PERSONAL)).toEqual([
      { coordinate: 'Mutation.unguardedMutation', problem: 'NO_RULE', because: 'root operation' },
      { coordinate: 'Query.forgotten', problem: 'NO_RULE', because: 'root operation' },
      { coordinate: 'Query.leakyCandidate', problem: 'PUBLIC_RULE', because: 'root operation; returns personal type SampleCandidate' },
      { coordinate: 'SampleCandidate.id', problem: 'NO_RULE', because: 'field of personal type SampleCandidate' },
      { coordinate: 'SampleCandidate.nik', problem: 'NO_RULE', because: 'field of personal type SampleCandidate' },
      { coordinate: 'SampleMedical.fit', problem: 'NO_RULE', because: 'field of personal type SampleMedical' },
      { coordinate: 'SampleOpening.contactPhone', problem: 'NO_RULE', because: 'personal field' },
      { coordinate: 'SampleOpening.ranked', problem: 'NO_RULE', because: 'returns personal type SampleCandidate' },
    ]);
  });

  it('passes once every reported field has a rule (field, method and class-level rules all count)', () => {
    const reported = new Set(findUnprotectedFields(schema, PERSONAL).map((f) => f.coordinate));
    const fixed: RuleLookup = (type, field, f) => (reported.has(`${type}.${field}`) ? ['OFFICER'] : defaultRuleLookup(type, field, f));
    expect(findUnprotectedFields(schema, PERSONAL, fixed)).toEqual([]);
  });

  it('reads jembatanAccess extensions on schemas built without type-graphql', () => {
    const Person = new GraphQLObjectType({
      name: 'Person',
      fields: {
        nik: { type: GraphQLString, extensions: { jembatanAccess: ['OFFICER'] } },
        name: { type: GraphQLString },
      },
    });
    const s = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          people: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Person))), extensions: { jembatanAccess: ['OFFICER'] } },
          open: { type: GraphQLString, extensions: { jembatanAccess: ['PUBLIC'] } },
        },
      }),
    });
    expect(findUnprotectedFields(s, { types: ['Person'] })).toEqual([{ coordinate: 'Person.name', problem: 'NO_RULE', because: 'field of personal type Person' }]);
  });
});

describe('authChecker at run time', () => {
  let server: ApolloServer<PrincipalContext>;
  beforeAll(async () => {
    server = new ApolloServer<PrincipalContext>({ schema, formatError: (f, e) => formatGatewayError(f, e, undefined) });
    await server.start();
  });
  afterAll(async () => server.stop());

  const run = async (query: string, principal: Principal) => {
    const res = await server.executeOperation({ query }, { contextValue: { principal } });
    if (res.body.kind !== 'single') throw new Error('incremental');
    return res.body.singleResult;
  };
  const officer: Principal = { kind: 'jwt', roles: ['PUBLIC', 'OFFICER'], subject: 'jwt:o', city: 'Kota Serang' };
  const analyst: Principal = { kind: 'jwt', roles: ['PUBLIC', 'ANALYST'], subject: 'jwt:a' };
  const partner: Principal = { kind: 'apiKey', roles: ['PUBLIC', 'PARTNER'], subject: 'apiKey:00000000000000ff', partyIds: ['p'] };

  it('anonymous callers get UNAUTHENTICATED, and no data', async () => {
    const r = await run('{ candidate { id nik } }', ANONYMOUS);
    expect(r.data).toBeNull();
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', messages: { id: expect.any(String), en: expect.any(String) } });
    expect(JSON.stringify(r)).not.toContain('3673');
  });

  it('a caller without the role gets FORBIDDEN, and no data', async () => {
    const r = await run('{ candidate { id nik } }', partner);
    expect(r.data).toBeNull();
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(r)).not.toContain('3673');
  });

  it('field rules apply inside an allowed query (analyst: no medical)', async () => {
    const r = await run('{ candidate { id medical { fit } } }', analyst);
    expect(r.data).toEqual({ candidate: { id: 'c-1', medical: null } });
    expect(r.errors?.[0]).toMatchObject({ path: ['candidate', 'medical'], extensions: { code: 'FORBIDDEN' } });
    const o = await run('{ candidate { id medical { fit } } }', officer);
    expect(o.errors).toBeUndefined();
    expect(o.data).toEqual({ candidate: { id: 'c-1', medical: { fit: true } } });
  });

  it('class-level rules guard every field of the type', async () => {
    expect((await run('{ profile { kecamatan } }', officer)).errors).toBeUndefined();
  });

  it('PUBLIC is open to everyone; @Authorized() needs any credential', async () => {
    expect((await run('{ openings { id } }', ANONYMOUS)).errors).toBeUndefined();
    expect((await run('{ anySignedIn }', ANONYMOUS)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await run('{ anySignedIn }', partner)).data).toEqual({ anySignedIn: 'hi' });
    expect((await run('mutation { revokeSomething }', officer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
