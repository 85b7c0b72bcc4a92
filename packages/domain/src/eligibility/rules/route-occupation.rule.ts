import { OCCUPATION_LABELS } from '../../shared/vocabulary';
import type { EligibilityRule } from '../rule';
import { occupationNotInSectorsMessages } from '../rule-sets';
import { finalFail, passed } from '../rule-outcome';
import { textRef, type Text } from '../../shared/text';

/** The opening's occupation must belong to the route's sectors (DOMAIN.md §3). */
export const routeOccupationRule: EligibilityRule<Text> = {
  id: 'route.occupation',
  clause: 'ROUTES/sectors',
  title: textRef('route.occupation.title'),
  inputs: ['opening.occupation'],
  parameters: [],
  notApplicable: (ctx) =>
    ctx.opening === undefined
      ? textRef('route.occupation.notApplicable')
      : undefined,
  evaluate(ctx) {
    const occupation = ctx.opening!.occupation;
    const label = OCCUPATION_LABELS[occupation];
    if (ctx.routeDefinition.sectors.includes(occupation)) {
      return passed('ROUTE.OCCUPATION_OK', textRef('ROUTE.OCCUPATION_OK', label), { occupation });
    }
    const m = occupationNotInSectorsMessages(occupation, ctx.routeDefinition.sectors);
    return finalFail('ROUTE.OCCUPATION_NOT_IN_SECTORS', m, { occupation });
  },
};
