import type { EligibilityRule } from '../rule';
import { finalFail, passed } from '../rule-outcome';
import { textRef, type Text } from '../../shared/text';

/** The route must be open for Indonesia on the as-of date (parameter `routes.status`). */
export const routeOpenRule: EligibilityRule<Text> = {
  id: 'route.open',
  clause: 'ROUTES/status',
  title: textRef('route.open.title'),
  inputs: ['route'],
  parameters: ['routes.status'],
  evaluate(ctx) {
    const s = ctx.params.get('routes.status')[ctx.route];
    const details = { status: s.status, until: s.until ?? null };
    if (s.status === 'OPEN') {
      return passed('ROUTE.OPEN', textRef('ROUTE.OPEN', s.note), details);
    }
    const untilId = s.until ? ` (sampai ${s.until})` : '';
    const untilEn = s.until ? ` (until ${s.until})` : '';
    if (s.status === 'SUSPENDED') {
      return finalFail('ROUTE.SUSPENDED', textRef('ROUTE.SUSPENDED', untilId, s.note, untilEn), details);
    }
    return finalFail('ROUTE.CLOSED', textRef('ROUTE.CLOSED', untilId, s.note, untilEn), details);
  },
};
