/** revokeApiKey (ADMIN): refused from the next request on; revoking twice is harmless (and audited once). */
import { getApiKey, revokeApiKey as storeRevocation, describeApiKey, type ApiKeyRecord } from '../security/api-key';
import { writeAudit } from '../security/audit-log';
import { emExecutor } from '../security/sql-executor';
import type { ApiKeyDeps } from './create-api-key.use-case';
import { inTransaction } from './use-case';
import { inconsistent, rejected } from './use-case-error';

export interface RevokeApiKeyCommand {
  readonly keyId: string;
}

export function revokeApiKey(command: RevokeApiKeyCommand, deps: ApiKeyDeps): Promise<ApiKeyRecord> {
  const { keyId } = command;
  const { principal } = deps;
  return inTransaction(deps, async (tem) => {
    const db = emExecutor(tem);
    const before = await getApiKey(db, keyId);
    if (!before) throw rejected('NOT_FOUND', { id: 'API key tidak ditemukan.', en: 'API key not found.' }, { field: ['keyId'] });
    const after = await storeRevocation(db, keyId, principal.subject);
    // the row was read in this transaction a moment ago: its absence now is a broken database
    if (!after) throw inconsistent();
    if (!before.revokedAt) {
      await writeAudit(tem, {
        principal,
        action: 'revokeApiKey',
        entityType: 'ApiKey',
        entityId: keyId,
        before: describeApiKey(before),
        after: describeApiKey(after),
        requestId: deps.requestId,
      });
    }
    return after;
  });
}
