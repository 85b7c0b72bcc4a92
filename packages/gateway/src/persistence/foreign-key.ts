/**
 * A foreign-key column as the records hold it: the referenced row's primary key (`mapToPk`), with
 * the constraint's delete rule and an optional index. One typed helper for every schema, so that the
 * entity schemas need no casts: the literal types (`'m:1'`, `true`, the delete rule) are what
 * MikroORM's `EntitySchemaProperty` checks.
 */
export type DeleteRule = 'cascade' | 'restrict' | 'set null' | 'no action';

export interface ForeignKeyOptions {
  readonly nullable?: boolean;
  /** Default `restrict`: a referenced row cannot be deleted while this one points at it. */
  readonly deleteRule?: DeleteRule;
  readonly index?: string;
  readonly unique?: string;
}

export function foreignKey<E>(entity: () => E, fieldName: string, options: ForeignKeyOptions = {}) {
  return {
    kind: 'm:1' as const,
    entity,
    mapToPk: true as const,
    fieldName,
    deleteRule: options.deleteRule ?? 'restrict',
    ...(options.nullable === undefined ? {} : { nullable: options.nullable }),
    ...(options.index === undefined ? {} : { index: options.index }),
    ...(options.unique === undefined ? {} : { unique: options.unique }),
  };
}
