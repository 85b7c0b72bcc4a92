/**
 * The job-opening export: the rows of the GraphQL `jobOpenings` list (graphql/access.ts
 * `visibleOpeningStatuses`): staff (OFFICER, PARTNER, ANALYST, ADMIN) every status, anybody else the
 * published (OPEN) openings only. No personal data. The wage is an integer in minor units of its
 * currency (for KRW, won), as stored.
 */
import { OCCUPATIONS, OPENING_STATUSES, ROUTES } from '../domain';
import { visibleOpeningStatuses } from '../graphql/access';
import type { GatewayContext } from '../graphql/context';
import { JobOpeningFilter, openingWhere } from '../graphql/inputs/job-opening-filter.input';
import { JobOpeningRecord } from '../persistence/opening.schema';
import type { ExportColumn } from './columns';
import type { ExportPlan } from './plan';
import { parseFilters, type FilterParameter, type RawQuery } from './query';

export const OPENING_FILTERS: readonly FilterParameter[] = [
  { name: 'status', values: OPENING_STATUSES },
  { name: 'route', values: ROUTES },
  { name: 'occupation', values: OCCUPATIONS },
];

const OPENING_COLUMNS: ReadonlyArray<ExportColumn<JobOpeningRecord>> = [
  { key: 'opening_id', type: 'text', width: 38, value: (r) => r.id },
  { key: 'mou_id', type: 'text', width: 38, value: (r) => r.mouId },
  { key: 'employer_party_id', type: 'text', width: 38, value: (r) => r.employerPartyId },
  { key: 'status', type: 'text', width: 12, value: (r) => r.status },
  { key: 'route', type: 'text', width: 10, value: (r) => r.route },
  { key: 'occupation', type: 'text', width: 18, value: (r) => r.occupation },
  { key: 'seats', type: 'integer', width: 8, value: (r) => r.seats },
  { key: 'allocated', type: 'integer', width: 10, value: (r) => r.allocated },
  { key: 'seats_left', type: 'integer', width: 10, value: (r) => Math.max(0, r.seats - r.allocated) },
  { key: 'wage_basis', type: 'text', width: 18, value: (r) => r.wageBasis },
  { key: 'wage_monthly_minor_units', type: 'amount', width: 14, value: (r) => r.wageMonthlyAmount },
  { key: 'wage_currency', type: 'text', width: 8, value: (r) => r.wageCurrency },
  { key: 'contract_months', type: 'integer', width: 10, value: (r) => r.contractMonths },
  { key: 'planned_departure', type: 'date', width: 12, value: (r) => r.plannedDeparture },
  { key: 'attache_verified_on', type: 'date', width: 12, value: (r) => r.attacheVerifiedOn },
  { key: 'attache_reference', type: 'text', width: 20, value: (r) => r.attacheReference },
  { key: 'note', type: 'text', width: 30, value: (r) => r.note },
  { key: 'created_at', type: 'datetime', width: 20, value: (r) => r.createdAt },
  { key: 'updated_at', type: 'datetime', width: 20, value: (r) => r.updatedAt },
];

export function openingExportPlan(ctx: GatewayContext, query: RawQuery): ExportPlan<JobOpeningRecord> {
  const filters = parseFilters(query, OPENING_FILTERS);
  const visible = visibleOpeningStatuses(ctx.principal);
  const filter = Object.assign(new JobOpeningFilter(), {
    statuses: filters.get('status'),
    routes: filters.get('route'),
    occupations: filters.get('occupation'),
  }) as JobOpeningFilter;
  return {
    kind: 'openings',
    entity: JobOpeningRecord,
    entityType: 'JobOpening',
    sheetName: 'Job openings',
    columns: OPENING_COLUMNS,
    where: visible && visible.length === 0 ? null : openingWhere(filter, visible),
    filters: Object.fromEntries(filters),
    options: {},
    disclosure: visible ? `Published openings only (status ${visible.join(', ')}); no personal data.` : 'Every opening status (staff); no personal data.',
  };
}
