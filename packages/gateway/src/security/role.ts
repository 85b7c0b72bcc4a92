/**
 * Who is calling: the roles of the gateway and the principal every request carries.
 *
 * | role        | sees                                                                                   |
 * | ----------- | -------------------------------------------------------------------------------------- |
 * | `PUBLIC`    | the vacancy board, parameters and the calculators; nothing personal                    |
 * | `CANDIDATE` | their own record only (`candidateId`)                                                  |
 * | `OFFICER`   | Disnakertrans: every record in their city (`city`)                                     |
 * | `PARTNER`   | a P3MI or APJATI: candidates allocated to MoUs it is party to (`partyIds`)             |
 * | `TRAINER`   | staff of a training provider: the rosters, attendance and practice scores of its       |
 * |             | cohorts, and recording attendance and assessments there (`partyIds`: the providers)    |
 * | `ANALYST`   | aggregates, and records with personal fields masked (see masking.ts)                   |
 * | `ADMIN`     | everything, including API keys and the audit log                                       |
 *
 * Every principal holds `PUBLIC`: a rule that names `PUBLIC` lets anybody in, signed in or not.
 */
export const ROLES = ['PUBLIC', 'CANDIDATE', 'OFFICER', 'PARTNER', 'TRAINER', 'ANALYST', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** The roles a credential (API key or token) may carry; `PUBLIC` is implicit and never stored. */
export const GRANTABLE_ROLES: readonly Exclude<Role, 'PUBLIC'>[] = ['CANDIDATE', 'OFFICER', 'PARTNER', 'TRAINER', 'ANALYST', 'ADMIN'];

/** The roles whose scope is the principal's `partyIds` (PARTNER: P3MI / APJATI; TRAINER: training providers). */
export const PARTY_SCOPED_ROLES: readonly Role[] = ['PARTNER', 'TRAINER'];

export type PrincipalKind = 'anonymous' | 'apiKey' | 'jwt';

export interface Principal {
  readonly kind: PrincipalKind;
  /** Always contains `PUBLIC`; sorted in ROLES order, no duplicates. */
  readonly roles: readonly Role[];
  /** Stable id of the caller for logs and the audit log: `anonymous`, `apiKey:<keyId>`, `jwt:<sub>`. */
  readonly subject: string;
  /** CANDIDATE: the candidate record this caller owns. */
  readonly candidateId?: string;
  /**
   * PARTNER: the party ids (P3MI / APJATI) the caller acts for. TRAINER: the training-provider party
   * ids (parties of kind TRAINING_PROVIDER) whose cohorts the caller works in. A caller holding both
   * roles has one list; each role reads it for its own kind of record (an MoU party, a cohort's provider).
   */
  readonly partyIds?: readonly string[];
  /** OFFICER: the city whose records the caller may see (e.g. "Kota Serang"). */
  readonly city?: string;
  /** apiKey: the key id (never the secret). */
  readonly keyId?: string;
  /** Display name of the key or the token's `name` claim, for the audit log. */
  readonly name?: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Roles in canonical order with `PUBLIC` added and duplicates removed. */
export function normaliseRoles(roles: Iterable<Role>): Role[] {
  const set = new Set<Role>(roles);
  set.add('PUBLIC');
  return ROLES.filter((r) => set.has(r));
}

/**
 * Role names from a credential (token claim or CLI flag): case-insensitive, unknown names ignored
 * (an identity provider carries many roles that are not ours). Returns canonical roles incl. PUBLIC.
 */
export function rolesFromNames(names: Iterable<unknown>): Role[] {
  const out: Role[] = [];
  for (const n of names) {
    if (typeof n !== 'string') continue;
    const upper = n.trim().toUpperCase();
    if (isRole(upper)) out.push(upper);
  }
  return normaliseRoles(out);
}

export const ANONYMOUS: Principal = Object.freeze({
  kind: 'anonymous',
  roles: Object.freeze(['PUBLIC']) as readonly Role[],
  subject: 'anonymous',
});

export function hasRole(principal: Principal, role: Role): boolean {
  return principal.roles.includes(role);
}

export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return roles.some((r) => principal.roles.includes(r));
}

export function isAuthenticated(principal: Principal): boolean {
  return principal.kind !== 'anonymous';
}
