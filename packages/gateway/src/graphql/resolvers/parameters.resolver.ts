/** `parameters(asOf)`: every dated parameter in force on a date, with its value, unit and sources. */
import { isParameterId, parameterSnapshot, type ParameterDescription } from '@jembatan/domain';
import { GatewayError } from '../errors';
import { Arg, Authorized, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { PUBLIC_RULE } from '../../security/rules';
import { DateScalar, isoDateOf, JSONScalar } from '../scalars';
import { BilingualText } from '../types/label.type';

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
  @Field(() => String, { description: 'Stable identifier, e.g. "kur.annualRate".' })
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

export function toParameterGql(p: ParameterDescription): Parameter {
  return {
    id: p.id,
    value: p.value,
    effectiveFrom: p.effectiveFrom,
    unit: p.unit,
    description: { id: p.description.id, en: p.description.en },
    sources: p.sources.map((s) => ({
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

@Resolver()
export class ParametersResolver {
  @Authorized(...PUBLIC_RULE)
  @Query(() => [Parameter], {
    description:
      'Every parameter in force on `asOf` with its value and sources (parameters not yet recorded or repealed on that date are left out). Optionally only the ids given.',
  })
  parameters(
    @Arg('asOf', () => DateScalar, { description: 'The date the values apply to.' }) asOf: Date,
    @Arg('ids', () => [String], { nullable: true, description: 'Only these parameter ids (unknown ids are an error).' })
    ids?: string[] | null,
  ): Parameter[] {
    const snapshot = parameterSnapshot(isoDateOf(asOf));
    if (ids && ids.length > 0) {
      if (ids.length > 200) throw new GatewayError('BAD_USER_INPUT', undefined, { field: ['ids'] });
      ids.forEach((id, i) => {
        if (!isParameterId(id)) {
          throw new GatewayError(
            'BAD_USER_INPUT',
            { id: 'Parameter tidak dikenal.', en: 'Unknown parameter.' },
            { field: ['ids', String(i)], domainCode: 'PARAMETER.UNKNOWN' },
          );
        }
      });
      // a parameter not in force on that date is an error here (the caller asked for it by name)
      return ids.map((id) => toParameterGql(snapshot.describe(id as Parameters<typeof snapshot.describe>[0])));
    }
    return snapshot.all().map(toParameterGql);
  }
}
