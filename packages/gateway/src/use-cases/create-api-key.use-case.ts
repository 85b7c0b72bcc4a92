/** createApiKey (ADMIN): a new key, audited in the same transaction; the secret is in the answer once. */
import { createApiKey as storeApiKey, describeApiKey, type ApiKeyRecord, type CreateApiKeyInput } from '../security/api-key';
import { writeAudit } from '../security/audit-log';
import { emExecutor } from '../security/sql-executor';
import { inTransaction, type UseCaseDeps } from './use-case';
import { UseCaseError } from './use-case-error';

/** Key administration runs on the security context: no program clock, no actor beyond the principal. */
export type ApiKeyDeps = Pick<UseCaseDeps, 'em' | 'principal' | 'requestId'>;

/** The key to create: the store's input; `createdBy` is the acting principal. */
export type CreateApiKeyCommand = Omit<CreateApiKeyInput, 'createdBy'>;

export interface CreatedApiKey {
  readonly record: ApiKeyRecord;
  /** The key to hand over: never stored, never shown again. */
  readonly token: string;
}

/** The store names a refused field as its own (`name`); the mutation's caller sent it as `input.name`. */
function underInput(e: unknown): unknown {
  if (!(e instanceof UseCaseError) || e.failure.kind !== 'REJECTED' || !e.failure.field) return e;
  return new UseCaseError({ ...e.failure, field: ['input', ...e.failure.field] });
}

export function createApiKey(command: CreateApiKeyCommand, deps: ApiKeyDeps): Promise<CreatedApiKey> {
  const { principal } = deps;
  return inTransaction(deps, async (tem) => {
    const { record, token } = await storeApiKey(emExecutor(tem), { ...command, createdBy: principal.subject }).catch((e: unknown) => {
      throw underInput(e);
    });
    await writeAudit(tem, { principal, action: 'createApiKey', entityType: 'ApiKey', entityId: record.keyId, after: describeApiKey(record), requestId: deps.requestId });
    return { record, token };
  });
}
