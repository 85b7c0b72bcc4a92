/**
 * The audit row of a change, written on the use case's own transactional EntityManager: it commits
 * or rolls back with the change. Use cases write it before their final flush, so a change the
 * database refuses takes its audit row with it.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { writeAudit, writeAuditMany, type AuditEntry } from '../security/audit-log';
import type { UseCaseDeps } from './use-case';

export interface AuditedChange {
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | null;
  /** Plain snapshots: redacted (security/redaction.ts) before they are stored. */
  readonly before?: unknown;
  readonly after?: unknown;
}

export async function recordChange(em: EntityManager, deps: Pick<UseCaseDeps, 'principal' | 'requestId' | 'clock'>, change: AuditedChange): Promise<void> {
  await writeAudit(em, {
    principal: deps.principal,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: change.before,
    after: change.after,
    requestId: deps.requestId,
    at: deps.clock.now(),
  });
}

/** The audit rows of many changes of one use case, in multi-row INSERTs (writeAuditMany), same columns as recordChange. */
export async function recordChanges(em: EntityManager, deps: Pick<UseCaseDeps, 'principal' | 'requestId' | 'clock'>, changes: readonly AuditedChange[]): Promise<void> {
  await writeAuditMany(
    em,
    changes.map(
      (change): AuditEntry => ({
        principal: deps.principal,
        action: change.action,
        entityType: change.entityType,
        entityId: change.entityId,
        before: change.before,
        after: change.after,
        requestId: deps.requestId,
        at: deps.clock.now(),
      }),
    ),
  );
}
