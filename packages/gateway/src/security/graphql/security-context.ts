/** What the security resolvers need from the gateway's context (GatewayContext plus `principal`). */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../role';

export interface SecurityContext {
  readonly em: EntityManager;
  readonly principal?: Principal;
  readonly requestId: string;
}
