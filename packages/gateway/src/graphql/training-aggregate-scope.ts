/**
 * Which cohorts a caller's training figures cover, and the parameters the training-aggregate SQL
 * compares with (issue 10). Shared by `trainingAggregates` and the observed rates of `trainingPlan`
 * (graphql/observed-training-rates.ts), so both count the same cohorts for the same caller.
 */
import type { QBFilterQuery } from '@mikro-orm/postgresql';
import { DomainError, koreanRequirement, parameterSnapshot, ROUTES, type IsoDate } from '../domain';
import { TrainingCohortRecord } from '../persistence/training.schema';
import type { CohortSetSql, TrainingAggregateParameters } from '../read-models/training-aggregates.read-model';
import { hasRole, type Role } from '../security/role';
import { seesEveryCandidateInFull } from './access';
import type { GatewayContext } from './context';
import { trainingCohortWhere, type TrainingCohortFilter } from './inputs/training.input';

/** Who may read the training aggregates (ADMIN passes every rule). */
export const TRAINING_AGGREGATE_READERS: readonly Role[] = ['OFFICER', 'ANALYST', 'PARTNER', 'TRAINER'];

/**
 * The cohort filters the protected view accepts: all of them select whole cohorts (provider, course
 * kind, status, kecamatan, start date), i.e. cells of the table, never part of a cell.
 */
export const TRAINING_AGGREGATE_FILTERS = ['providerPartyIds', 'courseKinds', 'statuses', 'kecamatan', 'startsFrom', 'startsUntil'] as const;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Every cohort for OFFICER, ADMIN, ANALYST and PARTNER; a TRAINER's own providers' cohorts; else none. */
function cohortScope(ctx: GatewayContext): readonly string[] | 'ALL' {
  const p = ctx.principal;
  if (seesEveryCandidateInFull(p) || hasRole(p, 'ANALYST') || hasRole(p, 'PARTNER')) return 'ALL';
  if (!hasRole(p, 'TRAINER')) return [];
  return [...new Set((p.partyIds ?? []).map((id) => id.toLowerCase()))].filter((id) => UUID_RE.test(id));
}

/** The selected cohorts the caller may see, as a parameterised sub-query (MikroORM's query builder, knex `?` placeholders). */
export function trainingCohortSetSql(ctx: GatewayContext, filter: TrainingCohortFilter | undefined): CohortSetSql {
  const scope = cohortScope(ctx);
  const qb = ctx.em.createQueryBuilder(TrainingCohortRecord, 'tc').select('tc.id').where(trainingCohortWhere(filter) as QBFilterQuery<TrainingCohortRecord>);
  if (scope !== 'ALL') {
    if (scope.length === 0) qb.andWhere('1 = 0');
    else qb.andWhere({ providerPartyId: { $in: [...scope] } } as QBFilterQuery<TrainingCohortRecord>);
  }
  const { sql, bindings } = qb.getKnexQuery().toSQL();
  return { sql, params: bindings };
}

/** What the SQL compares with on `on`, read from the domain (requirements, bands, validity): never restated. */
export function trainingAggregateParameters(at: string, on: IsoDate): TrainingAggregateParameters {
  const params = parameterSnapshot(on);
  const requirements: Array<TrainingAggregateParameters['requirements'][number]> = [];
  for (const route of ROUTES) {
    let req;
    try {
      req = koreanRequirement(route, on, params);
    } catch (e) {
      // a route without a rule set in force on that date has no requirement then
      if (e instanceof DomainError) continue;
      throw e;
    }
    if (req?.kind === 'EPS_TOPIK') requirements.push({ route, kind: 'EPS_TOPIK', minScore: req.minScore, minLevel: null });
    else if (req?.kind === 'TOPIK_LEVEL') requirements.push({ route, kind: 'TOPIK_LEVEL', minScore: null, minLevel: req.minLevel });
  }
  return {
    at,
    on,
    topikBands: params.get('topik.levels').map((b) => ({ test: b.test, level: b.level, min: b.min, max: b.max })),
    requirements,
    epsValidityMonths: params.get('eps.topikValidityMonths'),
  };
}
