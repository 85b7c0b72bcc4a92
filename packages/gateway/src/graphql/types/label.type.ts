import { Field, ObjectType } from 'type-graphql';

/**
 * The reason on a GraphQL field that was called `id` although it identifies nothing unique.
 * Apollo Client and urql treat every object with an `id` as an entity (`__typename:id`), so two
 * objects with the same `id` and different contents merged in their caches (issue 14).
 */
export const notAnEntityIdDeprecation = (replacement: string): string =>
  `Use \`${replacement}\`: this is not an entity id (client caches merged objects that share it). Removed in the next minor release.`;

/**
 * A text in Bahasa Indonesia and English. The domain's texts are `{ id, en }` objects and are served
 * as they are: both `idn` and the deprecated `id` read the property `id` (two `@Field`s on one
 * property; field-guards turn a field whose schema name differs from its property into a plain read
 * of that property, so neither costs more than before). No text needs to be rebuilt for the rename.
 */
@ObjectType({ description: 'A text in Bahasa Indonesia and English.' })
export class BilingualText {
  @Field(() => String, {
    name: 'id',
    description: 'Bahasa Indonesia (the same text as `idn`).',
    deprecationReason: notAnEntityIdDeprecation('idn'),
  })
  @Field(() => String, { name: 'idn', description: 'Bahasa Indonesia.' })
  id!: string;

  @Field(() => String, { description: 'English.' })
  en!: string;
}
