import type { EligibilityRule } from '../rule';
import { finalFail, passed } from '../rule-outcome';

/** The route must be open for Indonesia on the as-of date (parameter `routes.status`). */
export const routeOpenRule: EligibilityRule = {
  id: 'route.open',
  clause: 'ROUTES/status',
  title: { id: 'Jalur penempatan terbuka', en: 'Placement route is open' },
  inputs: ['route'],
  parameters: ['routes.status'],
  evaluate(ctx) {
    const s = ctx.params.get('routes.status')[ctx.route];
    const details = { status: s.status, until: s.until ?? null };
    if (s.status === 'OPEN') {
      return passed('ROUTE.OPEN', `Jalur terbuka. ${s.note.id}`, `The route is open. ${s.note.en}`, details);
    }
    const untilId = s.until ? ` (sampai ${s.until})` : '';
    const untilEn = s.until ? ` (until ${s.until})` : '';
    if (s.status === 'SUSPENDED') {
      return finalFail(
        'ROUTE.SUSPENDED',
        `Jalur ini ditangguhkan untuk Indonesia${untilId}. ${s.note.id}`,
        `This route is suspended for Indonesia${untilEn}. ${s.note.en}`,
        details,
      );
    }
    return finalFail('ROUTE.CLOSED', `Jalur ini tertutup${untilId}. ${s.note.id}`, `This route is closed${untilEn}. ${s.note.en}`, details);
  },
};
