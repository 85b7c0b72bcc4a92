/** API key administration over GraphQL: ADMIN only; every change audited in its transaction. */
import { Matches } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, Mutation, Query, Resolver } from 'type-graphql';
import { withGatewayErrors } from '../../graphql/run-use-case';
import { createApiKey } from '../../use-cases/create-api-key.use-case';
import { revokeApiKey } from '../../use-cases/revoke-api-key.use-case';
import { listApiKeys, type ApiKeyRecord } from '../api-key';
import { ANONYMOUS } from '../role';
import { emExecutor } from '../sql-executor';
import { ApiKey, CreateApiKeyInput, CreatedApiKey } from './api-key.type';
import type { SecurityContext } from './security-context';

function toApiKeyGql(r: ApiKeyRecord): ApiKey {
  return {
    keyId: r.keyId,
    name: r.name,
    roles: [...r.roles],
    partyIds: [...r.partyIds],
    candidateId: r.candidateId,
    city: r.city,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    expiresAt: r.expiresAt,
    revokedAt: r.revokedAt,
    lastUsedAt: r.lastUsedAt,
  };
}

@ArgsType()
class RevokeApiKeyArgs {
  @Field(() => String, { description: 'The key id (16 hex characters after `jmb_`).' })
  @Matches(/^[0-9a-f]{16}$/)
  keyId!: string;
}

@Resolver()
export class ApiKeyResolver {
  @Authorized('ADMIN')
  @Query(() => [ApiKey], { description: 'API keys, newest first (ADMIN). Secrets are never returned.' })
  async apiKeys(
    @Ctx() ctx: SecurityContext,
    @Arg('includeRevoked', () => Boolean, { defaultValue: false, description: 'Include revoked keys.' }) includeRevoked: boolean,
  ): Promise<ApiKey[]> {
    return (await listApiKeys(emExecutor(ctx.em), { includeRevoked })).map(toApiKeyGql);
  }

  @Authorized('ADMIN')
  @Mutation(() => CreatedApiKey, { description: 'Create an API key (ADMIN). The key is in the answer once and never again.' })
  async createApiKey(@Ctx() ctx: SecurityContext, @Arg('input', () => CreateApiKeyInput, { description: 'The key: name, roles and the claims the roles need.' }) input: CreateApiKeyInput): Promise<CreatedApiKey> {
    const command = {
      name: input.name,
      roles: input.roles,
      ...(input.partyIds ? { partyIds: input.partyIds } : {}),
      ...(input.candidateId ? { candidateId: input.candidateId } : {}),
      ...(input.city ? { city: input.city } : {}),
      ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}),
    };
    const deps = { em: ctx.em, principal: ctx.principal ?? ANONYMOUS, requestId: ctx.requestId };
    const { record, token } = await withGatewayErrors(() => createApiKey(command, deps));
    return { apiKey: token, key: toApiKeyGql(record) };
  }

  @Authorized('ADMIN')
  @Mutation(() => ApiKey, { description: 'Revoke an API key (ADMIN): it is refused from the next request on. Revoking twice is harmless.' })
  async revokeApiKey(@Ctx() ctx: SecurityContext, @Args(() => RevokeApiKeyArgs) { keyId }: RevokeApiKeyArgs): Promise<ApiKey> {
    const deps = { em: ctx.em, principal: ctx.principal ?? ANONYMOUS, requestId: ctx.requestId };
    return toApiKeyGql(await withGatewayErrors(() => revokeApiKey({ keyId }, deps)));
  }
}
