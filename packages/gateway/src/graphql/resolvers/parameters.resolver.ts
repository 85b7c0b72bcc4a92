/** `parameters(asOf)`: every dated parameter in force on a date, with its value, unit and sources. */
import { isParameterId, parameterSnapshot } from '@jembatan/domain';
import { GatewayError } from '../errors';
import { Arg, Authorized, Query, Resolver } from 'type-graphql';
import { PUBLIC_RULE } from '../../security/rules';
import { DateScalar, isoDateOf } from '../scalars';
import { Parameter, toParameterGql } from '../types/parameter.type';

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
