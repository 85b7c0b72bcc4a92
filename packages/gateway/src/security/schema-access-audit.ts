/**
 * The schema walk behind "every query and mutation has an explicit rule, and no personal data is
 * reachable without one" (issue 5). Run it on the real schema in a test:
 *
 * ```ts
 * const findings = findUnprotectedFields(await buildGatewaySchema(), JEMBATAN_PERSONAL_DATA);
 * expect(findings).toEqual([]);
 * ```
 *
 * A field needs an explicit rule when it is a root operation (Query, Mutation, Subscription), lives on
 * a personal type, is listed as personal (`Type.field`), or returns a personal type (through lists and
 * non-null wrappers), e.g. `JobOpening.rankedCandidates` or a connection edge's `node: Candidate`. For
 * personal data a `PUBLIC` rule is a finding too. A rule is type-graphql's `@Authorized(...)` (on the
 * field, the resolver method or the class) or, for fields built without type-graphql, a
 * `jembatanAccess: Role[]` field extension.
 */
import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/** Roles of the rule on a field; undefined = no rule. */
export type RuleLookup = (typeName: string, fieldName: string, field: GraphQLField<unknown, unknown>) => readonly string[] | undefined;

export const ACCESS_EXTENSION = 'jembatanAccess';

export interface PersonalDataSpec {
  /** Object/interface types whose every field is personal (e.g. `Candidate`, `CandidateProfile`). */
  readonly types: readonly string[];
  /** Single personal fields on otherwise public types, as `Type.field`. */
  readonly fields?: readonly string[];
}

export type AccessProblem = 'NO_RULE' | 'PUBLIC_RULE';

export interface AccessFinding {
  /** `Type.field` */
  readonly coordinate: string;
  readonly problem: AccessProblem;
  /** Why the field needs a rule. */
  readonly because: string;
}

/** Rules from a `jembatanAccess` extension on the field (`@Extensions({ jembatanAccess: [...] })`). */
export const extensionRuleLookup: RuleLookup = (_type, _field, field) => {
  const value = (field.extensions as Record<string, unknown> | undefined)?.[ACCESS_EXTENSION];
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
};

interface RolesHolder {
  readonly roles?: readonly unknown[];
  readonly schemaName?: string;
}

function rolesOfAll(entries: readonly RolesHolder[]): readonly string[] | undefined {
  if (entries.length === 0) return undefined;
  // conservative: when several classes declare the same name, every one of them must carry a rule
  if (entries.some((e) => !Array.isArray(e.roles))) return undefined;
  return [...new Set(entries.flatMap((e) => (e.roles as unknown[]).map(String)))];
}

/**
 * Rules from type-graphql's metadata (after `buildSchema`): `@Authorized` on queries, mutations,
 * subscriptions, object/interface type fields, field resolvers, or on a whole class.
 */
export const typeGraphqlRuleLookup: RuleLookup = (typeName, fieldName) => {
  const storage = getMetadataStorage();
  const root =
    typeName === 'Query' ? storage.queries : typeName === 'Mutation' ? storage.mutations : typeName === 'Subscription' ? storage.subscriptions : undefined;
  if (root) return rolesOfAll((root as unknown as RolesHolder[]).filter((h) => h.schemaName === fieldName));
  const types = [...storage.objectTypes, ...storage.interfaceTypes].filter((t) => t.name === typeName);
  const fields = types.flatMap((t) => ((t.fields ?? []) as unknown as RolesHolder[]).filter((f) => f.schemaName === fieldName));
  return rolesOfAll(fields);
};

export const defaultRuleLookup: RuleLookup = (typeName, fieldName, field) =>
  typeGraphqlRuleLookup(typeName, fieldName, field) ?? extensionRuleLookup(typeName, fieldName, field);

export function findUnprotectedFields(
  schema: GraphQLSchema,
  personal: PersonalDataSpec,
  lookup: RuleLookup = defaultRuleLookup,
): AccessFinding[] {
  const personalTypes = new Set(personal.types);
  const personalFields = new Set(personal.fields ?? []);
  const rootNames = new Set(
    [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((t) => !!t).map((t) => t!.name),
  );
  const findings: AccessFinding[] = [];
  const typeMap = schema.getTypeMap();
  for (const typeName of Object.keys(typeMap).sort()) {
    if (typeName.startsWith('__')) continue;
    const type = typeMap[typeName];
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    const fields = type.getFields();
    for (const fieldName of Object.keys(fields).sort()) {
      const field = fields[fieldName] as GraphQLField<unknown, unknown>;
      const coordinate = `${typeName}.${fieldName}`;
      const returns = getNamedType(field.type).name;
      const reasons: string[] = [];
      let personalData = false;
      if (rootNames.has(typeName)) reasons.push('root operation');
      if (personalTypes.has(typeName)) {
        reasons.push(`field of personal type ${typeName}`);
        personalData = true;
      }
      if (personalFields.has(coordinate)) {
        reasons.push('personal field');
        personalData = true;
      }
      if (personalTypes.has(returns)) {
        reasons.push(`returns personal type ${returns}`);
        personalData = true;
      }
      if (reasons.length === 0) continue;
      const roles = lookup(typeName, fieldName, field);
      if (roles === undefined) {
        findings.push({ coordinate, problem: 'NO_RULE', because: reasons.join('; ') });
      } else if (personalData && roles.includes('PUBLIC')) {
        findings.push({ coordinate, problem: 'PUBLIC_RULE', because: reasons.join('; ') });
      }
    }
  }
  return findings;
}
