/**
 * What every resolver receives: one forked EntityManager per request, the request id and logger, and
 * who is calling (`principal`, from the API key or bearer token; the anonymous PUBLIC principal when
 * none was sent).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../clock';
import type { Logger } from '../config/logger';
import type { Principal } from '../security/role';

export interface GatewayContext {
  /** Forked for this request only: its identity map never leaks into another request. */
  readonly em: EntityManager;
  readonly requestId: string;
  /**
   * Who is calling, as this deployment sees it (security/auth-checker.ts `principalForDeployment`):
   * roles, and the ownership claims behind the row-level rules (candidateId, partyIds, city).
   */
  readonly principal: Principal;
  /** The city whose program this gateway serves (`JEMBATAN_CITY`). */
  readonly city: string;
  /**
   * Who is acting, recorded in status histories, seat allocations and the audit log: the principal's
   * subject (`apiKey:<keyId>`, `jwt:<sub>`; `anonymous` never writes, every mutation needs a role).
   */
  readonly actor: string;
  readonly log: Logger;
  /**
   * The program's "now" (clock.ts): default dates when `asOf` is omitted and the instants changes are
   * recorded at. Never read `new Date()` in a resolver; tests inject a fixed clock.
   */
  readonly clock: Clock;
  /** Per-request memo for DataLoaders (see graphql/loaders.ts) and access decisions (graphql/access.ts). */
  readonly loaders: Map<string, unknown>;
}
