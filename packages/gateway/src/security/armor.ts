/**
 * Abuse limits on the GraphQL document itself, with @escape.tech/graphql-armor (Apollo flavour), plus
 * a plugin that strips every "Did you mean …" suggestion (field, argument, type and enum value), so the
 * schema cannot be mapped by probing with typos while introspection is closed.
 *
 * | limit         | default | what it bounds                                                               |
 * | ------------- | ------- | ---------------------------------------------------------------------------- |
 * | maxDepth      | 10      | nesting of selections (Relay lists cost 3 levels: list → edges → node)      |
 * | maxCost       | 20000   | query-cost.ts, after variables are coerced: field 1, × page size per list    |
 * | maxAliases    | 15      | aliases per operation (batching the same field under many names)            |
 * | maxDirectives | 10      | directives per operation (@include/@skip flooding)                          |
 * | maxTokens     | 1000    | lexer tokens in the document (the parser stops there: huge literals, lists) |
 *
 * The token limit is graphql-js's own parser option (`parseOptions.maxTokens`): the parser stops at
 * the limit and Apollo answers 400 GRAPHQL_PARSE_FAILED. Armor's token plugin is left off because it
 * throws from a hook Apollo treats as a server failure (HTTP 500, which clients retry).
 *
 * The cost limit is not armor's: armor's cost rule runs at validation, where variables are unknown, and
 * multiplies only literal `first:` values (`first: $n` counted as one). query-cost.ts computes the cost
 * with the coerced variables in `didResolveOperation`, before execution, and refuses with the same
 * message and code (`Query Cost limit of 20000 exceeded, found 12345.`).
 *
 * Introspection queries are exempt from depth and cost (they are deep by nature) but not from tokens;
 * who may introspect is decided by introspection.ts. The defaults admit the standard introspection
 * query; size them to the real queries in `examples/` (each limit is one env variable, see
 * security-config.ts) and keep a test that runs every example query through these limits.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError, ParseOptions, ValidationRule } from 'graphql';
import { costLimitError, queryCostPlugin } from './query-cost';

export interface AbuseLimits {
  readonly maxDepth: number;
  readonly maxCost: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
}

/**
 * Sized to the real queries (test/security-limits.test.ts runs every SDK operation, the examples and
 * the README queries through them, with the SDK's largest page size, 100, for every page variable).
 * Depth at most 6, at most about 200 tokens. The cost (query-cost.ts) bounds "page size × size of each
 * item × nested pages": 20,000 admits every SDK list at its largest page (100; the largest is ListMous,
 * 16,006: 100 MoUs with their parties and quotas), and refuses a page of openings each with a page of
 * ranked candidates (a ranking weighs 3 per candidate of its pool, 6,000: at most 3 rankings per request); the worst
 * query it admits is measured in test/query-cost-worst.test.ts and quoted in the security README.
 */
export const DEFAULT_ABUSE_LIMITS: AbuseLimits = Object.freeze({
  maxDepth: 10,
  maxCost: 20000,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 1000,
});

export const SUGGESTION_MASK = '';

/** Remove "Did you mean …?" from a GraphQL error message (every form graphql-js produces). */
export function stripSuggestions(message: string): string {
  return message.replace(/\s*Did you mean\b[\s\S]*$/, '').replace(/\s+\?$/, '').trimEnd();
}

/**
 * Strip suggestions from every error of a request (validation, variable coercion, execution).
 * Complements armor's blockFieldSuggestion, which only catches `Did you mean "x"` and misses enum
 * values (`Did you mean the enum value "E9"?`).
 */
export function hideSuggestionsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            (error as { message: string }).message = stripSuggestions(error.message);
          }
        },
      };
    },
  };
}

export interface ArmorProtection {
  readonly plugins: ApolloServerPlugin[];
  readonly validationRules: ValidationRule[];
  /** Pass as Apollo's `parseOptions` (the token limit). */
  readonly parseOptions: ParseOptions;
}

/**
 * Apollo plugins, validation rules and parse options for the limits. In `new ApolloServer({...})`:
 * `plugins: [...armor.plugins, ...]`, `validationRules: armor.validationRules`,
 * `parseOptions: armor.parseOptions`.
 */
export function buildArmor(limits: AbuseLimits = DEFAULT_ABUSE_LIMITS, onReject?: (error: GraphQLError) => void): ArmorProtection {
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`abuse limit ${name} must be a positive integer`);
  }
  const report = onReject ? [(_ctx: unknown, error: GraphQLError) => onReject(error)] : [];
  const armor = new ApolloArmor({
    // off: hideSuggestionsPlugin below strips every form (armor's mask leaves a stray "?" behind)
    blockFieldSuggestion: { enabled: false, mask: SUGGESTION_MASK },
    maxDepth: { enabled: true, n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true, exposeLimits: true, onReject: [...report] },
    // off: queryCostPlugin below computes the cost with the variables (armor counts `first: $n` as 1)
    costLimit: {
      enabled: false,
      maxCost: limits.maxCost,
      objectCost: 2,
      scalarCost: 1,
      depthCostFactor: 1.5,
      ignoreIntrospection: true,
      exposeLimits: true,
      onReject: [...report],
    },
    maxAliases: { enabled: true, n: limits.maxAliases, allowList: [], exposeLimits: true, onReject: [...report] },
    maxDirectives: { enabled: true, n: limits.maxDirectives, exposeLimits: true, onReject: [...report] },
    maxTokens: { enabled: false },
  });
  const protection = armor.protect();
  return {
    plugins: [
      ...protection.plugins,
      queryCostPlugin({ maxCost: limits.maxCost, onReject: (cost) => onReject?.(costLimitError(limits.maxCost, cost)) }),
      hideSuggestionsPlugin(),
    ],
    validationRules: [...protection.validationRules],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}
