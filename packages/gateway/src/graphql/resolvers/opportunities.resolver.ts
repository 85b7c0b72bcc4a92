/** Comparing opportunities: a calculator that needs no stored data, public like the others (issue 13). */
import { ValidateNested } from 'class-validator';
import { Args, ArgsType, Authorized, Field, Query, Resolver } from 'type-graphql';
import { PUBLIC_RULE } from '../../security/rules';
import { isDomainError } from '../../domain';
import { fromDomainError } from '../errors';
import { compareOpportunitiesFor, opportunityFieldPath } from '../mappers/opportunities.mapper';
import { OpportunityComparisonGql, OpportunityComparisonInput, toOpportunityComparisonGql } from '../types/opportunities.type';

@ArgsType()
export class CompareOpportunitiesArgs {
  @Field(() => OpportunityComparisonInput, { description: 'The person’s options and the horizon.' })
  @ValidateNested()
  input!: OpportunityComparisonInput;
}

@Resolver()
export class OpportunitiesResolver {
  @Authorized(...PUBLIC_RULE)
  @Query(() => OpportunityComparisonGql, {
    description:
      'Compare opportunities for one person over a horizon (Kota Serang, Jabodetabek, transmigration, Korea): month by month earnings (UMK/UMP floors or the wage offered; won converted at a dated rate under FX shocks), costs before the first wage and who pays them, the KUR loan, living costs (inputs), the net saving at the end, options ranked by it, risks named in words, and the "sells belongings" check.',
  })
  compareOpportunities(@Args() { input }: CompareOpportunitiesArgs): OpportunityComparisonGql {
    try {
      return toOpportunityComparisonGql(compareOpportunitiesFor(input));
    } catch (e) {
      if (!isDomainError(e)) throw e;
      const data = e.toJSON();
      throw fromDomainError({ ...data, ...(data.path ? { path: opportunityFieldPath(data.path, input) } : {}) }, ['input']);
    }
  }
}
