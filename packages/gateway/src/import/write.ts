/**
 * Writing the plan: batches of IMPORT_BATCH_SIZE rows, each batch one transaction of the
 * registerCandidates use case (every row registered as the registerCandidate mutation registers it:
 * the domain's checks, NIK uniqueness, the stored eligibility verdict, the stage history row and the
 * audit row; written in multi-row INSERTs, a few statements per batch). A batch commits whole or not at
 * all; the first batch that fails stops the import, so an interrupted or failed import leaves whole
 * batches of whole rows, and a re-run skips them (plan.ts: already imported).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../clock';
import type { Logger } from '../config/logger';
import type { AuditActor } from '../security/audit-log';
import { CandidateRecord } from '../persistence/candidate.schema';
import { registerCandidates } from '../use-cases/register-candidates.use-case';
import { UseCaseError } from '../use-cases/use-case-error';
import { IMPORT_BATCH_SIZE } from './limits';
import type { ExistingCandidate, RowToWrite } from './plan';

export interface WriteDeps {
  /** A root EntityManager; each batch forks it and opens its own transaction. */
  readonly em: EntityManager;
  readonly clock: Clock;
  readonly actor: AuditActor;
  /** Recorded on every audit row of the run, e.g. `import:<uuid>`. */
  readonly requestId: string;
  readonly log: Logger;
  readonly batchSize?: number;
  readonly onWritten?: (written: number, total: number) => void;
}

export interface WriteOutcome {
  readonly written: number;
  /** The batch that failed (nothing of it was written) and every row after it. */
  readonly failed?: { readonly rows: readonly number[]; readonly reason: string };
}

/** Why a batch failed, without personal data (a use case's code, or the driver's error class). */
function failureReason(e: unknown): string {
  if (e instanceof UseCaseError) {
    const f = e.failure;
    return f.kind === 'DOMAIN' ? f.error.code : f.kind === 'REJECTED' ? (f.domainCode ?? f.code) : f.kind;
  }
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? `database error ${code}` : e instanceof Error ? e.name : 'error';
}

async function writeBatch(batch: readonly RowToWrite[], deps: WriteDeps): Promise<void> {
  const useCaseDeps = { em: deps.em.fork(), clock: deps.clock, actor: deps.actor.subject, principal: deps.actor, requestId: deps.requestId, log: deps.log };
  await registerCandidates(
    batch.map((row) => ({ ...row.candidate, externalRefs: [] })),
    useCaseDeps,
  );
}

export async function writeRows(rows: readonly RowToWrite[], deps: WriteDeps): Promise<WriteOutcome> {
  const size = deps.batchSize ?? IMPORT_BATCH_SIZE;
  let written = 0;
  for (let start = 0; start < rows.length; start += size) {
    const batch = rows.slice(start, start + size);
    try {
      await writeBatch(batch, deps);
    } catch (e) {
      deps.log.warn({ requestId: deps.requestId, firstRow: batch[0]?.rowNumber, reason: failureReason(e) }, 'import batch failed; rolled back');
      return { written, failed: { rows: rows.slice(start).map((r) => r.rowNumber), reason: failureReason(e) } };
    }
    written += batch.length;
    deps.onWritten?.(written, rows.length);
  }
  return { written };
}

/** The registered candidates with these NIKs (looked up in chunks). */
export async function findExistingCandidates(em: EntityManager, niks: readonly string[]): Promise<ReadonlyMap<string, ExistingCandidate>> {
  const out = new Map<string, ExistingCandidate>();
  const fork = em.fork();
  for (let i = 0; i < niks.length; i += 1000) {
    const found = await fork.find(CandidateRecord, { nik: { $in: niks.slice(i, i + 1000) } }, { fields: ['nik', 'profile', 'targetRoute', 'targetOccupation'] });
    for (const r of found) {
      if (r.nik) out.set(r.nik, { profile: r.profile, targetRoute: r.targetRoute ?? null, targetOccupation: r.targetOccupation ?? null });
    }
    fork.clear();
  }
  return out;
}
