/**
 * registerCandidates: many new candidates in ONE transaction, each exactly as registerCandidate
 * registers it (the same domain registration, NIK uniqueness, stored selection verdict, derived
 * columns, stage history row and `registerCandidate` audit row), written in multi-row INSERTs: the
 * candidate import (import/write.ts) writes a batch of rows with a handful of statements instead of
 * six round trips and a unit-of-work flush per row.
 *
 * How: the persistence mapper (applyCandidateSnapshot) records the rows on a collecting
 * EntityManager that never flushes; its persist stack then goes out with `insertMany` per table, in
 * foreign-key order, on the transaction (as the demo loader does, seed/demo/load-demo.ts), and the
 * audit rows with writeAuditMany. Any failure (a domain refusal, a NIK already registered, the
 * database) rolls the whole batch back.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { applyCandidateSnapshot, derivedColumns } from '../persistence/candidate.mapper';
import { insertCollected } from '../persistence/insert-collected';
import { CandidateRecord, CandidateStageChangeRecord } from '../persistence/candidate.schema';
import { recordChanges } from './audit';
import { assertNiksFree, storedEligibility } from './candidate-writes';
import { registeredCandidate, type RegisterCandidateCommand } from './register-candidate.use-case';
import { dateOf, inTransaction, nowTimestamp, type UseCaseDeps } from './use-case';
import { inconsistent } from './use-case-error';

/** Tables the mapper writes for a new candidate, parents first. */
const INSERT_ORDER = [CandidateRecord, CandidateStageChangeRecord] as const;

/** Register every command, all or none; returns the new candidates' ids, in the commands' order. */
export function registerCandidates(commands: readonly RegisterCandidateCommand[], deps: UseCaseDeps): Promise<readonly string[]> {
  return inTransaction(deps, async (em) => {
    const built = commands.map((command) => {
      const at = nowTimestamp(deps);
      return { at, asOf: dateOf(at), snapshot: registeredCandidate(command, at, deps).toSnapshot() };
    });
    await assertNiksFree(
      em,
      built.map((b) => derivedColumns(b.snapshot, b.asOf).nik),
    );
    const collector = em.fork({ clear: true });
    for (const { snapshot: s, asOf } of built) {
      // a new candidate has no opening yet: saveCandidate's loadOpening finds none
      applyCandidateSnapshot(collector, undefined, s, deps.clock.now(), storedEligibility(s.profile, { route: s.targetRoute, occupation: s.targetOccupation }, undefined, asOf), asOf);
    }
    await recordChanges(
      em,
      deps,
      built.map((b) => ({ action: 'registerCandidate', entityType: 'Candidate', entityId: b.snapshot.id, before: null, after: b.snapshot })),
    );
    await insertCollected(em, collector, INSERT_ORDER, inconsistent); // the mapper wrote a table this use case does not know
    return built.map((b) => b.snapshot.id);
  });
}
