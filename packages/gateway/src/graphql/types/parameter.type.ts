/** Dated parameters as GraphQL types, and their mapping from the domain's parameter descriptions. */
import { type ParameterDescription } from '@jembatan/domain';
import { parameterSources } from '@jembatan/domain/sources';
import { Field, ObjectType } from 'type-graphql';
import { DateScalar, JSONScalar } from '../scalars';
import { BilingualText, notAnEntityIdDeprecation } from '../types/label.type';

@ObjectType({ description: 'Where a parameter value comes from, and when it was read.' })
export class SourceReference {
  @Field(() => String, { description: 'Title of the source.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Web address of the source, when there is one.' })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'Regulation number (e.g. "Permen P2MI 18/2025"), when there is one.' })
  regulation!: string | null;

  @Field(() => DateScalar, { description: 'The date the source was read.' })
  readOn!: string;

  @Field(() => String, { nullable: true, description: 'Caveats: secondary copy, market price, the value chosen from a range, ...' })
  note!: string | null;
}

@ObjectType({ description: 'A dated parameter (fee, rate, age, threshold, wage, FX) as in force on the requested date.' })
export class Parameter {
  // Not an entity id: the value differs by date and overlay. `parameterId` reads the same property.
  @Field(() => String, { name: 'id', description: 'Stable identifier (the same as `parameterId`).', deprecationReason: notAnEntityIdDeprecation('parameterId') })
  @Field(() => String, { name: 'parameterId', description: 'Stable identifier, e.g. "kur.annualRate" (the same for every date and overlay; the value is not).' })
  id!: string;

  @Field(() => JSONScalar, {
    description:
      'The value in force: a number in the unit named (IDR whole rupiah, KRW won, USD cents), a decimal string for rates, or an object/list for structured parameters.',
  })
  value!: unknown;

  @Field(() => DateScalar, { description: 'The date from which this value applies.' })
  effectiveFrom!: string;

  @Field(() => String, { description: 'Unit of the value (e.g. "IDR", "ratio", "months").' })
  unit!: string;

  @Field(() => BilingualText, { description: 'What the parameter is.' })
  description!: BilingualText;

  @Field(() => [SourceReference], { description: 'Sources of the value.' })
  sources!: SourceReference[];

  @Field(() => Boolean, { description: 'True when the value is a working default (e.g. an exchange rate used by sources), not an official figure.' })
  isDefault!: boolean;

  @Field(() => String, { nullable: true, description: 'Name of the what-if overlay that supplied the value, when one did.' })
  overlaidBy!: string | null;
}

/** The GraphQL parameter for a domain description; the description and sources are looked up by id (the calculators' outputs do not carry them). */
export function toParameterGql(p: ParameterDescription): Parameter {
  const file = parameterSources(p.id);
  return {
    id: p.id,
    value: p.value,
    effectiveFrom: p.effectiveFrom,
    unit: p.unit,
    description: { id: file.description.id, en: file.description.en },
    sources: file.sources.map((s) => ({
      title: s.title,
      url: s.url ?? null,
      regulation: s.regulation ?? null,
      readOn: s.readOn,
      note: s.note ?? null,
    })),
    isDefault: p.isDefault,
    overlaidBy: p.overlaidBy ?? null,
  };
}

