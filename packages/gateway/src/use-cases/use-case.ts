/**
 * The application layer (ARCHITECTURE.md, "the gateway's shape"): one file a command. A use case
 * takes a typed command (plain values the resolver has already parsed: ids checked, dates as the
 * domain's `IsoDate`) and `UseCaseDeps`, and in ONE transaction loads what it needs (rows locked in
 * the documented order), lets the domain decide, writes through the persistence mappers and appends
 * the audit row. It returns records or snapshots; the resolver maps them to GraphQL.
 *
 * Use cases know nothing of GraphQL (architecture.test.ts): expected failures are `UseCaseError`s
 * (use-case-error.ts) that the GraphQL side turns into its public errors.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { timestampOf, type Clock } from '../clock';
import type { Logger } from '../config/logger';
import { wibDateOf, type IsoDate } from '../domain';
import type { AuditActor } from '../security/audit-log';
import type { Principal } from '../security/role';

export interface UseCaseDeps {
  /** The request's EntityManager: a use case opens its one transaction on it (`inTransaction`). */
  readonly em: EntityManager;
  /** The program's "now" (clock.ts): recorded instants and default dates. */
  readonly clock: Clock;
  /** Who acts, as recorded in status histories and seat allocations (the principal's subject). */
  readonly actor: string;
  /** Who acts, as the audit row records it (a request's principal, or `system` for a CLI command such as the import). */
  readonly principal: Principal | AuditActor;
  readonly requestId: string;
  readonly log: Logger;
}

/** A command handler: `(command, deps) => result`. */
export type UseCase<C, R> = (command: C, deps: UseCaseDeps) => Promise<R>;

/** Run `work` in one transaction: it commits when `work` returns, and rolls back when it throws. */
export function inTransaction<T>(deps: Pick<UseCaseDeps, 'em'>, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return deps.em.transactional(work);
}

/** A new entity id (the domain takes ids as input, never makes them). */
export function newId(): string {
  return randomUUID();
}

/** The instant a change is recorded at, in the domain's canonical form. */
export function nowTimestamp(deps: Pick<UseCaseDeps, 'clock'>): string {
  return timestampOf(deps.clock);
}

/** The program's date (WIB) of an instant. */
export function dateOf(at: string): IsoDate {
  return wibDateOf(at);
}
