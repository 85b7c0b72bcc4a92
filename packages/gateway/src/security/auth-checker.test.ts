import fc from 'fast-check';
import {
  assertCanSeeCandidate,
  authChecker,
  candidateScope,
  candidateView,
  canSeeCandidate,
  requireRule,
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

  const cases: Array<[string, Principal, 'FULL' | 'MASKED' | 'NONE']> = [
    ['anonymous', ANONYMOUS, 'NONE'],
    ['admin', principal(['ADMIN']), 'FULL'],
    ['officer of the same city (other spelling)', principal(['OFFICER'], { city: 'KOTA  SERANG.' }), 'FULL'],
    ['officer of another city', principal(['OFFICER'], { city: 'Kabupaten Serang' }), 'NONE'],
    ['the candidate themself', principal(['CANDIDATE'], { candidateId: 'c-1' }), 'FULL'],
    ['another candidate', principal(['CANDIDATE'], { candidateId: 'c-2' }), 'NONE'],
    ['partner party to the MoU', principal(['PARTNER'], { partyIds: ['p3mi-a'] }), 'FULL'],
    ['partner of another MoU', principal(['PARTNER'], { partyIds: ['p3mi-b'] }), 'NONE'],
    ['partner without parties', principal(['PARTNER']), 'NONE'],
    ['analyst', principal(['ANALYST']), 'MASKED'],
    ['analyst who is also the partner', principal(['ANALYST', 'PARTNER'], { partyIds: ['apjati'] }), 'FULL'],
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
    expect(assertCanSeeCandidate(principal(['ANALYST']), record)).toBe('MASKED');
  });

  it('city comparison ignores case, dots and spacing only', () => {
    expect(sameCity('Kota Serang', 'KOTA SERANG')).toBe(true);
    expect(sameCity('Kota Serang', 'Kab. Serang')).toBe(false);
  });

  it('candidateScope turns roles into list filters', () => {
    expect(candidateScope(principal(['ADMIN']))).toEqual({ unrestricted: true, maskedOthers: false });
    expect(candidateScope(principal(['PARTNER'], { partyIds: ['a', 'b'] }))).toEqual({ unrestricted: false, partyIds: ['a', 'b'], maskedOthers: false });
    expect(candidateScope(principal(['OFFICER'], { city: 'Kota Serang' }))).toEqual({
      unrestricted: false,
      city: 'Kota Serang',
      includeRowsWithoutCity: true,
      maskedOthers: false,
    });
    expect(candidateScope(principal(['ANALYST'])).maskedOthers).toBe(true);
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
          const expected = fullByScope ? 'FULL' : scope.maskedOthers ? 'MASKED' : 'NONE';
          expect(candidateView(p, info)).toBe(expected);
        },
      ),
    );
  });
});
