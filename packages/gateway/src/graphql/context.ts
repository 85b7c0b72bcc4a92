/** What every resolver receives: one forked EntityManager per request, the request id and logger. */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../config/logger';

export interface GatewayContext {
  /** Forked for this request only: its identity map never leaks into another request. */
  readonly em: EntityManager;
  readonly requestId: string;
  /**
   * Who is acting, recorded in status histories and seat allocations. Until access control lands
   * (issue 5) every caller is the anonymous API user `api`.
   */
  readonly actor: string;
  readonly log: Logger;
  /** Per-request memo for DataLoaders (see graphql/loaders.ts). */
  readonly loaders: Map<string, unknown>;
}
