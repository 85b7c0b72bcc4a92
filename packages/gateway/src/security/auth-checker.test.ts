import fc from 'fast-check';
import {
  assertCanSeeCandidate,
  authChecker,
  candidateScope,
  candidateView,
  canSeeCandidate,
  requireRule,
  deploymentPrincipal,
  officerCityDecision,
  principalForDeployment,
  sameCity,
  satisfiesRule,
  scopeMatchesAnything,
  type CandidateAccessInfo,
} from './auth-checker';
import { ANONYMOUS, GRANTABLE_ROLES, normaliseRoles, rolesFromNames, ROLES, type Principal, type Role } from './role';

const principal = (roles: Role[], extra: Partial<Principal> = {}): Principal => ({
  kind: 'apiKey',
  roles: normaliseRoles(roles),
  subject: 'apiKey:0123456789abcdef',
  ...extra,
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return (e as { extensions?: { code?: string } }).extensions?.code;
  }
}

describe('roles', () => {
  it('always include PUBLIC, in canonical order, without duplicates', () => {
    expect(normaliseRoles(['ADMIN', 'OFFICER', 'ADMIN'])).toEqual(['PUBLIC', 'OFFICER', 'ADMIN']);
    expect(rolesFromNames(['officer', ' Analyst ', 'realm-admin', 42, 'offline_access'])).toEqual(['PUBLIC', 'OFFICER', 'ANALYST']);
    expect(ANONYMOUS.roles).toEqual(['PUBLIC']);
  });
});

describe('satisfiesRule / authChecker', () => {
  const table: Array<[string, Principal, Role[], boolean]> = [
    ['PUBLIC rule, anonymous', ANONYMOUS, ['PUBLIC'], true],
    ['empty rule (any signed-in caller), anonymous', ANONYMOUS, [], false],
    ['empty rule, signed in without roles', principal([]), [], true],
    ['OFFICER rule, officer', principal(['OFFICER']), ['OFFICER'], true],
    ['OFFICER rule, analyst', principal(['ANALYST']), ['OFFICER'], false],
    ['OFFICER or ANALYST rule, analyst', principal(['ANALYST']), ['OFFICER', 'ANALYST'], true],
    ['OFFICER rule, admin', principal(['ADMIN']), ['OFFICER'], true],
    ['ADMIN rule, anonymous', ANONYMOUS, ['ADMIN'], false],
  ];
  it.each(table)('%s', (_name, p, roles, expected) => {
    expect(satisfiesRule(p, roles)).toBe(expected);
  });

  it('refuses anonymous callers with UNAUTHENTICATED and known callers with FORBIDDEN', () => {
    const call = (p: Principal | undefined, roles: Role[]) => () =>
      authChecker({ context: { principal: p }, root: {}, args: {}, info: {} as never }, roles);
    expect(codeOf(call(ANONYMOUS, ['OFFICER']))).toBe('UNAUTHENTICATED');
    expect(codeOf(call(undefined, ['OFFICER']))).toBe('UNAUTHENTICATED'); // no principal = anonymous
    expect(codeOf(call(principal(['PARTNER'], { partyIds: ['p1'] }), ['OFFICER']))).toBe('FORBIDDEN');
    expect(call(principal(['OFFICER']), ['OFFICER'])()).toBe(true);
    expect(codeOf(() => requireRule(principal(['CANDIDATE'], { candidateId: 'c1' }), ['ADMIN']))).toBe('FORBIDDEN');
  });

  it('property: ADMIN passes every rule, anonymous passes exactly the PUBLIC ones', () => {
    fc.assert(
      fc.property(fc.subarray([...ROLES]), (roles) => {
        expect(satisfiesRule(principal(['ADMIN']), roles)).toBe(true);
        expect(satisfiesRule(ANONYMOUS, roles)).toBe(roles.includes('PUBLIC'));
      }),
    );
  });
});

describe('candidate visibility', () => {
  const record: CandidateAccessInfo = { candidateId: 'c-1', city: 'Kota Serang', partyIds: ['apjati', 'p3mi-a'] };

  const cases: Array<[string, Principal, 'FULL' | 'NONE']> = [
    ['anonymous', ANONYMOUS, 'NONE'],
    ['admin', principal(['ADMIN']), 'FULL'],
    ['officer of the same city (other spelling)', principal(['OFFICER'], { city: 'KOTA  SERANG.' }), 'FULL'],
    ['officer of another city', principal(['OFFICER'], { city: 'Kabupaten Serang' }), 'NONE'],
    ['the candidate themself', principal(['CANDIDATE'], { candidateId: 'c-1' }), 'FULL'],
    ['another candidate', principal(['CANDIDATE'], { candidateId: 'c-2' }), 'NONE'],
    ['partner party to the MoU', principal(['PARTNER'], { partyIds: ['p3mi-a'] }), 'FULL'],
    ['partner of another MoU', principal(['PARTNER'], { partyIds: ['p3mi-b'] }), 'NONE'],
    ['partner without parties', principal(['PARTNER']), 'NONE'],
    // issue 8: ANALYST gives no record view (the record fields are the aggregates' dimensions)
    ['analyst', principal(['ANALYST']), 'NONE'],
    ['analyst who is also the partner', principal(['ANALYST', 'PARTNER'], { partyIds: ['apjati'] }), 'FULL'],
    ['analyst who is a partner of another MoU', principal(['ANALYST', 'PARTNER'], { partyIds: ['p3mi-b'] }), 'NONE'],
    ['analyst who is another candidate', principal(['ANALYST', 'CANDIDATE'], { candidateId: 'c-2' }), 'NONE'],
    ['signed in, no roles', principal([]), 'NONE'],
  ];
  it.each(cases)('%s', (_name, p, view) => {
    expect(candidateView(p, record)).toBe(view);
    expect(canSeeCandidate(p, record)).toBe(view !== 'NONE');
  });

  it('a record without a city belongs to the program: officers see it', () => {
    expect(candidateView(principal(['OFFICER'], { city: 'Kota Serang' }), { candidateId: 'x' })).toBe('FULL');
  });

  it('assertCanSeeCandidate refuses with the right code and no data', () => {
    expect(codeOf(() => assertCanSeeCandidate(principal(['PARTNER'], { partyIds: ['other'] }), record))).toBe('FORBIDDEN');
    expect(codeOf(() => assertCanSeeCandidate(ANONYMOUS, record))).toBe('UNAUTHENTICATED');
    try {
      assertCanSeeCandidate(principal(['PARTNER'], { partyIds: ['other'] }), record);
    } catch (e) {
      expect(JSON.stringify(e)).not.toContain('c-1');
      expect((e as Error).message).not.toContain('c-1');
    }
    expect(codeOf(() => assertCanSeeCandidate(principal(['ANALYST']), record))).toBe('FORBIDDEN');
  });

  it('city comparison ignores case, dots and spacing only', () => {
    expect(sameCity('Kota Serang', 'KOTA SERANG')).toBe(true);
    expect(sameCity('Kota Serang', 'Kab. Serang')).toBe(false);
  });

  it('candidateScope turns roles into list filters', () => {
    expect(candidateScope(principal(['ADMIN']))).toEqual({ unrestricted: true });
    expect(candidateScope(principal(['PARTNER'], { partyIds: ['a', 'b'] }))).toEqual({ unrestricted: false, partyIds: ['a', 'b'] });
    expect(candidateScope(principal(['OFFICER'], { city: 'Kota Serang' }))).toEqual({
      unrestricted: false,
      city: 'Kota Serang',
      includeRowsWithoutCity: true,
    });
    expect(candidateScope(principal(['ANALYST']))).toEqual({ unrestricted: false });
    expect(scopeMatchesAnything(candidateScope(principal(['ANALYST'])))).toBe(false);
    expect(scopeMatchesAnything(candidateScope(ANONYMOUS))).toBe(false);
    expect(scopeMatchesAnything(candidateScope(principal(['CANDIDATE'], { candidateId: 'c' })))).toBe(true);
  });

  it('property: the scope and the per-record view agree', () => {
    const role = fc.constantFrom(...GRANTABLE_ROLES);
    const id = fc.constantFrom('a', 'b', 'c');
    fc.assert(
      fc.property(
        fc.uniqueArray(role, { maxLength: 3 }),
        id,
        fc.uniqueArray(id, { maxLength: 2 }),
        id,
        fc.option(fc.constantFrom('Kota Serang', 'Kota Cilegon'), { nil: undefined }),
        fc.uniqueArray(id, { maxLength: 2 }),
        (roles, candidateId, partyIds, recordId, recordCity, recordParties) => {
          const p = principal(roles, { candidateId, partyIds, city: 'Kota Serang' });
          const info: CandidateAccessInfo = { candidateId: recordId, city: recordCity ?? null, partyIds: recordParties };
          const scope = candidateScope(p);
          const fullByScope =
            scope.unrestricted ||
            (scope.city !== undefined && recordCity !== undefined && sameCity(scope.city, recordCity)) ||
            (scope.includeRowsWithoutCity === true && recordCity === undefined) ||
            scope.candidateId === recordId ||
            (scope.partyIds ?? []).some((x) => (recordParties as string[]).includes(x));
          const expected = fullByScope ? 'FULL' : 'NONE';
          expect(candidateView(p, info)).toBe(expected);
        },
      ),
    );
  });
});

describe('officer rights need this deployment’s city (fail closed, issue 8)', () => {
  const HERE = 'Kota Serang';
  const jwt = (extra: Partial<Principal>): Principal => ({ kind: 'jwt', roles: normaliseRoles(['OFFICER', 'ANALYST']), subject: 'jwt:pegawai-1', ...extra });

  it.each<[string, string, Principal]>([
    ['a JWT naming this city', 'THIS_CITY', jwt({ city: 'Kota Serang' })],
    ['a JWT naming this city in other case, spacing and dots', 'THIS_CITY', jwt({ city: ' KOTA  serang. ' })],
    ['an API key without a city (minted in this deployment)', 'THIS_CITY', principal(['OFFICER'])],
    ['an API key of this city', 'THIS_CITY', principal(['OFFICER'], { city: 'Kota Serang' })],
    ['a JWT naming another city', 'OTHER_CITY', jwt({ city: 'Kota Cilegon' })],
    ['an API key of another city', 'OTHER_CITY', principal(['OFFICER'], { city: 'Kab. Serang' })],
    ['a JWT without a city', 'CITY_MISSING', jwt({})],
    ['a JWT whose city is an array', 'CITY_INVALID', jwt({ city: ['Kota Serang'] as unknown as string })],
    ['a JWT whose city is a number', 'CITY_INVALID', jwt({ city: 3673 as unknown as string })],
    ['a JWT whose city is empty', 'CITY_INVALID', jwt({ city: '' })],
    ['a JWT whose city is blank', 'CITY_INVALID', jwt({ city: '  ' })],
    ['a JWT whose city is over-long', 'CITY_INVALID', jwt({ city: `Kota Serang${' '.repeat(100)}` })],
  ])('%s → %s', (_name, decision, p) => {
    expect(officerCityDecision(p, HERE)).toBe(decision);
    const { principal: seen, dropped } = deploymentPrincipal(p, HERE);
    if (decision === 'THIS_CITY') {
      expect(seen).toBe(p);
      expect(dropped).toBeUndefined();
    } else {
      // identity and the other roles stay; OFFICER goes
      expect(seen).toEqual({ ...p, roles: ['PUBLIC', ...p.roles.filter((r) => r !== 'PUBLIC' && r !== 'OFFICER')] });
      expect(dropped).toBe(decision);
      expect(satisfiesRule(seen, ['OFFICER'])).toBe(false);
      expect(candidateView(seen, { candidateId: 'c-1', city: HERE })).toBe('NONE');
    }
    expect(principalForDeployment(p, HERE)).toEqual(seen);
  });

  it('leaves principals without the OFFICER role as they are', () => {
    const analyst = jwt({ roles: normaliseRoles(['ANALYST']) });
    expect(deploymentPrincipal(analyst, HERE)).toEqual({ principal: analyst });
  });
});
