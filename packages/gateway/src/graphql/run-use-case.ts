/**
 * Resolvers call use cases through here: the use case gets its deps from the request's context, and
 * its expected failures (use-cases/use-case-error.ts) become the gateway's public errors, exactly
 * the ones the resolvers used to throw themselves (graphql/errors.ts).
 */
import type { UseCase, UseCaseDeps } from '../use-cases/use-case';
import { UseCaseError, type UseCaseFailure } from '../use-cases/use-case-error';
import type { GatewayContext } from './context';
import { fromDomainError, GatewayError, notFound } from './errors';

export function toGatewayError(failure: UseCaseFailure): GatewayError {
  switch (failure.kind) {
    case 'DOMAIN':
      return fromDomainError(failure.error, failure.fieldPrefix);
    case 'NOT_FOUND':
      return notFound(failure.entity, failure.field);
    case 'REJECTED':
      return new GatewayError(failure.code, failure.messages, {
        ...(failure.field ? { field: failure.field } : {}),
        ...(failure.domainCode ? { domainCode: failure.domainCode } : {}),
        ...(failure.details ? { details: failure.details } : {}),
      });
    case 'INCONSISTENT':
      return new GatewayError('INTERNAL_SERVER_ERROR');
  }
}

/** What a use case needs from the request: its EntityManager, clock, who acts, request id and logger. */
export function useCaseDeps(ctx: GatewayContext): UseCaseDeps {
  return { em: ctx.em, clock: ctx.clock, actor: ctx.actor, principal: ctx.principal, requestId: ctx.requestId, log: ctx.log };
}

/** Run `work`, turning a UseCaseError into its GatewayError (anything else passes through). */
export async function withGatewayErrors<R>(work: () => Promise<R>): Promise<R> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof UseCaseError) throw toGatewayError(e.failure);
    throw e;
  }
}

/** Run a use case for this request. */
export function runUseCase<C, R>(ctx: GatewayContext, useCase: UseCase<C, R>, command: C): Promise<R> {
  return withGatewayErrors(() => useCase(command, useCaseDeps(ctx)));
}
