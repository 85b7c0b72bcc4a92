/**
 * Introspection (`__schema`, `__type`) and the Sandbox landing page: open in development
 * (NODE_ENV=development), otherwise for ANALYST and ADMIN only. Apollo's own `introspection` switch is
 * all-or-nothing, so it stays `true` and this plugin decides per request, after authentication:
 * others get FORBIDDEN (HTTP 403) before anything executes. `__typename` is not introspection and is
 * always allowed.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { BREAK, Kind, visit, type DocumentNode } from 'graphql';
import { SCHEMA_READERS, satisfiesRule } from './auth-checker';
import { ANONYMOUS, type Principal } from './role';
import { ForbiddenError } from './security-error';

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/** Whether any operation or fragment of the document selects `__schema` or `__type`. */
export function usesIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.FIELD]: (node) => {
      if (INTROSPECTION_FIELDS.has(node.name.value)) {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

export interface IntrospectionGuardOptions {
  /** True in development: everyone may introspect. */
  readonly allowEveryone: boolean;
  /** The principal of a request (from the context the gateway builds). */
  readonly principalOf: (contextValue: unknown) => Principal | undefined;
}

export function introspectionGuardPlugin(options: IntrospectionGuardOptions): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          if (options.allowEveryone) return;
          if (!usesIntrospection(requestContext.document)) return;
          const principal = options.principalOf(requestContext.contextValue) ?? ANONYMOUS;
          if (satisfiesRule(principal, SCHEMA_READERS)) return;
          requestContext.response.http.status = 403;
          throw new ForbiddenError({
            id: 'Introspeksi skema hanya untuk peran ANALYST dan ADMIN.',
            en: 'Schema introspection is available to the ANALYST and ADMIN roles only.',
          });
        },
      };
    },
  };
}

/**
 * The landing page: the embedded Apollo Sandbox in development, or when `sandboxInProduction` is set
 * (JEMBATAN_SANDBOX=true: the page is static, and what it can read is still decided per request by
 * the guard above); otherwise none. Analysts can always use https://studio.apollographql.com/sandbox
 * with their key: CORS admits that origin (cors.ts).
 */
export function landingPagePlugin(options: { development: boolean; sandboxInProduction: boolean }): ApolloServerPlugin {
  if (options.development || options.sandboxInProduction) {
    return ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false, footer: false });
  }
  return ApolloServerPluginLandingPageDisabled();
}
