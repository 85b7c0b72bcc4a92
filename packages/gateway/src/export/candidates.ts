/**
 * The candidate export: the rows and fields of the GraphQL `candidates` list, no more.
 *
 * Rows (graphql/access.ts `candidateListWhere`, the list's own scope): ADMIN and this city's OFFICER
 * every candidate; PARTNER those placed under an MoU of their parties; CANDIDATE their own record.
 * The rule is the list's (`CANDIDATE_LOOKUP_RULE`): anonymous → 401, TRAINER → 403 (no candidate
 * record, issue 10); an ANALYST without another record right → 403 ANALYST_USE_AGGREGATES (issue 8:
 * every record field is a dimension of the protected aggregates; analysts export nothing per person).
 *
 * Fields: what the list shows to a caller with the FULL view (the only record view there is). Health
 * (`include=health`) and criminal-record (`include=criminal`) columns are left out unless asked for
 * (data minimisation; the fields of PERSONAL_RULE, which every caller that gets rows holds). `mask=true`
 * writes the display NIK (`3673********0001`, security/masking.ts) instead of the NIK, no birth date and
 * no kelurahan, for a sheet that is passed on; health and criminal columns cannot be combined with it.
 */
import type { FilterQuery } from '@mikro-orm/core';
import { CANDIDATE_STAGES, KOTA_SERANG_KECAMATAN, OCCUPATIONS, ROUTES, wibDateOf, type CandidateProfile } from '../domain';
import { analystWithoutRecordRights, candidateListWhere, seesEveryCandidateInFull } from '../graphql/access';
import type { GatewayContext } from '../graphql/context';
import { CandidateFilter, candidateWhere } from '../graphql/inputs/candidate-filter.input';
import { GatewayError } from '../graphql/errors';
import { CandidateRecord, SELECTION_STATUSES } from '../persistence/candidate.schema';
import { requireRule } from '../security/auth-checker';
import { ageBandOf, maskNik } from '../security/masking';
import { CANDIDATE_LOOKUP_RULE, PERSONAL_RULE } from '../security/rules';
import { timestampOf } from '../clock';
import type { ExportColumn } from './columns';
import type { ExportPlan } from './plan';
import { badParameter, booleanFlag, parseFilters, type FilterParameter, type RawQuery } from './query';

export const CANDIDATE_FILTERS: readonly FilterParameter[] = [
  { name: 'stage', values: CANDIDATE_STAGES },
  { name: 'kecamatan', values: KOTA_SERANG_KECAMATAN },
  { name: 'occupation', values: OCCUPATIONS },
  { name: 'route', values: ROUTES },
  { name: 'eligibility', values: SELECTION_STATUSES },
];
const INCLUDES = ['health', 'criminal'] as const;
type Include = (typeof INCLUDES)[number];
const INCLUDE_PARAMETER: FilterParameter = { name: 'include', values: INCLUDES };

/**
 * The list filter's date ranges as query parameters, inclusive WIB dates: `registered=2026-01-01..2026-03-31`,
 * `departed=2026-08-01..2026-08-31`, `entered=TRAINING:2026-05-01..2026-05-31` (a stage change into
 * the stage in the range). A malformed value is refused (400, EXPORT_PARAMETER_MALFORMED); a reversed
 * range as in GraphQL (FILTER.DATE_RANGE_REVERSED).
 */
const DATE_RANGE_PARAMETERS = ['registered', 'entered', 'departed'] as const;
const RANGE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

function rangeOf(query: RawQuery, name: string): { from: string; to: string } | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  const text = typeof value === 'string' ? value.trim() : '';
  const m = RANGE.exec(name === 'entered' ? text.slice(text.indexOf(':') + 1) : text);
  if (!m) {
    const shape = name === 'entered' ? 'STAGE:YYYY-MM-DD..YYYY-MM-DD' : 'YYYY-MM-DD..YYYY-MM-DD';
    throw badParameter(name, 'EXPORT_PARAMETER_MALFORMED', { id: `Parameter ${name} harus berbentuk ${shape}.`, en: `Parameter ${name} must look like ${shape}.` });
  }
  return { from: m[1]!, to: m[2]! };
}

function dateRangesOf(query: RawQuery, filters: Map<string, string[]>): Partial<CandidateFilter> {
  const out: Record<string, unknown> = {};
  const registered = rangeOf(query, 'registered');
  const departed = rangeOf(query, 'departed');
  const entered = rangeOf(query, 'entered');
  if (registered) out.registered = registered;
  if (departed) out.departed = departed;
  if (entered) {
    const raw = query.entered;
    const stage = String(Array.isArray(raw) ? raw[raw.length - 1] : raw).split(':')[0]!.trim();
    parseFilters({ entered: stage }, [{ name: 'entered', values: CANDIDATE_STAGES }]);
    out.enteredStage = { stage, ...entered };
  }
  for (const [k, v] of Object.entries({ registered, departed, entered })) if (v) filters.set(k, [`${k === 'entered' ? `${(out.enteredStage as { stage: string }).stage}:` : ''}${v.from}..${v.to}`]);
  return out as Partial<CandidateFilter>;
}

/** As the `candidates` query answers an ANALYST (graphql/resolvers/candidate.resolver.ts): the same reason. */
function analystUseAggregates(): GatewayError {
  return new GatewayError(
    'FORBIDDEN',
    {
      id: 'Analis tidak mengekspor data kandidat per orang; gunakan agregat yang dilindungi: candidateCounts, stageDurations, placementCosts, financingTotals.',
      en: 'Analysts do not export individual candidate records; use the protected aggregates: candidateCounts, stageDurations, placementCosts, financingTotals.',
    },
    { details: { reason: 'ANALYST_USE_AGGREGATES', use: 'candidateCounts, stageDurations, placementCosts, financingTotals' } },
  );
}

type Col = ExportColumn<CandidateRecord>;
const profileOf = (r: CandidateRecord): CandidateProfile => (r.profile ?? {}) as CandidateProfile;

function identityColumns(masked: boolean): Col[] {
  if (masked) return [{ key: 'nik_masked', type: 'text', width: 18, value: (r) => (r.nik ? maskNik(r.nik) : null) }];
  return [
    { key: 'nik', type: 'text', width: 18, value: (r) => r.nik },
    { key: 'birth_date', type: 'date', width: 12, value: (r) => r.birthDate ?? profileOf(r).declaredBirthDate },
  ];
}

function baseColumns(masked: boolean, asOf: string): Col[] {
  return [
    { key: 'candidate_id', type: 'text', width: 38, value: (r) => r.id },
    ...identityColumns(masked),
    { key: 'sex', type: 'text', width: 5, value: (r) => r.sex },
    { key: 'age_band', type: 'text', width: 12, value: (r) => (r.birthDate ? ageBandOf(r.birthDate, asOf) : undefined) },
    { key: 'kecamatan', type: 'text', width: 14, value: (r) => r.kecamatan },
    ...(masked ? [] : [{ key: 'kelurahan', type: 'text', width: 16, value: (r: CandidateRecord) => profileOf(r).address?.kelurahan } as Col]),
    { key: 'education', type: 'text', width: 10, value: (r) => r.education },
    { key: 'stage', type: 'text', width: 14, value: (r) => r.stage },
    { key: 'stage_since', type: 'datetime', width: 20, value: (r) => r.stageSince },
    { key: 'target_route', type: 'text', width: 10, value: (r) => r.targetRoute },
    { key: 'target_occupation', type: 'text', width: 18, value: (r) => r.targetOccupation },
    { key: 'eligibility', type: 'text', width: 14, value: (r) => r.eligibility },
    { key: 'eligibility_as_of', type: 'date', width: 12, value: (r) => r.eligibilityAsOf },
    { key: 'documents', type: 'integer', width: 10, value: (r) => profileOf(r).documents?.length ?? 0 },
    { key: 'planned_departure', type: 'date', width: 12, value: (r) => profileOf(r).plannedDeparture },
    { key: 'registered_at', type: 'datetime', width: 20, value: (r) => r.createdAt },
    { key: 'updated_at', type: 'datetime', width: 20, value: (r) => r.updatedAt },
  ];
}

const HEALTH_COLUMNS: Col[] = [
  { key: 'medical_examined_on', type: 'date', width: 12, value: (r) => profileOf(r).medical?.examinedOn },
  { key: 'physically_fit', type: 'boolean', width: 8, value: (r) => profileOf(r).medical?.physicallyFit },
  { key: 'psychologically_fit', type: 'boolean', width: 8, value: (r) => profileOf(r).medical?.psychologicallyFit },
];
const CRIMINAL_COLUMNS: Col[] = [{ key: 'ever_imprisoned', type: 'boolean', width: 8, value: (r) => profileOf(r).criminalRecord?.everImprisoned }];

/** Which sensitive column groups were asked for, checked against the caller and `mask`. */
function includesOf(ctx: GatewayContext, query: RawQuery, masked: boolean): Include[] {
  const asked = (parseFilters(query.include === undefined ? {} : { include: query.include }, [INCLUDE_PARAMETER]).get('include') ?? []) as Include[];
  if (asked.length && masked) {
    throw badParameter('include', 'EXPORT_MASKED_SENSITIVE', {
      id: 'Kolom kesehatan dan catatan kriminal tidak dapat digabung dengan mask=true.',
      en: 'Health and criminal-record columns cannot be combined with mask=true.',
    });
  }
  // the fields' own rule (second lock: every caller that gets candidate rows holds it today)
  if (asked.length) requireRule(ctx.principal, PERSONAL_RULE);
  return asked;
}

function scopeWords(ctx: GatewayContext): string {
  const p = ctx.principal;
  if (seesEveryCandidateInFull(p)) return `every candidate of ${ctx.city}`;
  const parts = [p.roles.includes('PARTNER') ? 'candidates placed under MoUs of the caller’s parties' : '', p.roles.includes('CANDIDATE') ? 'the caller’s own record' : ''];
  return parts.filter(Boolean).join(' and ') || 'no candidate';
}

/** The plan of a candidate export for this caller and query (throws GatewayError: 401/403/400). */
export function candidateExportPlan(ctx: GatewayContext, query: RawQuery): ExportPlan<CandidateRecord> {
  requireRule(ctx.principal, CANDIDATE_LOOKUP_RULE);
  const scope = candidateListWhere(ctx);
  if (scope === null && analystWithoutRecordRights(ctx)) throw analystUseAggregates();
  const filters = parseFilters(query, CANDIDATE_FILTERS, ['mask', 'include', ...DATE_RANGE_PARAMETERS]);
  const masked = booleanFlag(query, 'mask');
  const includes = includesOf(ctx, query, masked);
  const filter = Object.assign(new CandidateFilter(), {
    stages: filters.get('stage'),
    kecamatans: filters.get('kecamatan'),
    occupations: filters.get('occupation'),
    routes: filters.get('route'),
    eligibility: filters.get('eligibility'),
    ...dateRangesOf(query, filters),
  }) as CandidateFilter;
  // field paths name the query parameters (`registered`, …)
  const asked = candidateWhere(filter, []);
  const where = scope === null ? null : Object.keys(scope).length === 0 ? asked : ({ $and: [asked, scope] } as FilterQuery<CandidateRecord>);
  const asOf = wibDateOf(timestampOf(ctx.clock));
  const columns = [...baseColumns(masked, asOf), ...(includes.includes('health') ? HEALTH_COLUMNS : []), ...(includes.includes('criminal') ? CRIMINAL_COLUMNS : [])];
  const words = [`Rows: ${scopeWords(ctx)}.`, masked ? 'NIK masked (3673********0001), no birth date, no kelurahan.' : 'NIK in full (personal data, UU 27/2022).'];
  words.push(includes.length ? `Sensitive columns included: ${includes.join(', ')}.` : 'No health or criminal-record columns.');
  return {
    kind: 'candidates',
    entity: CandidateRecord,
    entityType: 'Candidate',
    sheetName: 'Candidates',
    columns,
    where,
    filters: Object.fromEntries(filters),
    options: { mask: masked, ...(includes.length ? { include: includes.join(',') } : {}) },
    disclosure: words.join(' '),
  };
}
