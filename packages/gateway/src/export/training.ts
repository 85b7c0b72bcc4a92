/**
 * Cohorts and class lists as downloads (issue 11 "cohorts and class lists"): fixed GraphQL documents
 * over the public cohort catalogue (`trainingCohorts`) and one cohort's roster
 * (`trainingCohort(id).enrolments`), run through the gateway's own execution like the aggregate
 * downloads, so the file holds what `/graphql` answers the caller: anybody authenticated reads the
 * catalogue; a roster is OFFICER, or a TRAINER of the cohort's provider (FORBIDDEN otherwise, as in
 * GraphQL). A roster carries candidate ids, not names: TRAINER reads no candidate record (issue 10).
 */
import { COHORT_STATUSES, COURSE_KINDS } from '../domain';
import { badParameter, parseFilters, type RawQuery } from './query';

export const COHORT_FIELDS = `id courseKind status capacity seatsTaken seatsLeft waitlisted startDate endDate
  venue { kind name kecamatan kelurahan } provider { id name } course { id title { id en } hours fee { amount currency } }
  attendanceRule { requiredShare excused } hasFinalAssessment note createdAt updatedAt`;

export const COHORTS_DOCUMENT = `query ExportCohorts($first: Int!, $after: String, $filter: TrainingCohortFilter) {
  trainingCohorts(first: $first, after: $after, filter: $filter) {
    edges { node { ${COHORT_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const CLASS_LIST_DOCUMENT = `query ExportClassList($id: ID!) {
  trainingCohort(id: $id) {
    id courseKind status capacity startDate endDate venue { name kecamatan } provider { name }
    enrolments {
      sequence candidateId status requestedAt seatedAt waitlistPosition endedAt reason note
      attendance { sessions present excused absent attended counted share requiredShare meetsRule }
    }
  }
}`;

const COHORT_PARAMETERS = [
  { name: 'status', values: [...COHORT_STATUSES] },
  { name: 'courseKind', values: [...COURSE_KINDS] },
];
const FREE = ['kecamatan', 'provider', 'startsFrom', 'startsUntil'] as const;

function text(query: RawQuery, name: string): string | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw badParameter(name, 'EXPORT_PARAMETER_MALFORMED', { id: `Parameter ${name} tidak valid.`, en: `Parameter ${name} is malformed.` });
  }
  return raw.trim();
}

/** `?status=ENROLLING,RUNNING&courseKind=KOREAN_LANGUAGE&kecamatan=Serang&provider=<id>&startsFrom=2026-01-01` as the GraphQL filter. */
export function cohortExportFilter(query: RawQuery): { filter: Record<string, unknown>; filters: Record<string, string[]> } {
  const parsed = parseFilters(query, COHORT_PARAMETERS, [...FREE]);
  const filter: Record<string, unknown> = {};
  const filters: Record<string, string[]> = {};
  const statuses = parsed.get('status');
  const kinds = parsed.get('courseKind');
  if (statuses) (filter.statuses = statuses), (filters.status = statuses);
  if (kinds) (filter.courseKinds = kinds), (filters.courseKind = kinds);
  const kecamatan = text(query, 'kecamatan');
  const provider = text(query, 'provider');
  const from = text(query, 'startsFrom');
  const until = text(query, 'startsUntil');
  if (kecamatan) (filter.kecamatan = kecamatan), (filters.kecamatan = [kecamatan]);
  if (provider) (filter.providerPartyIds = [provider]), (filters.provider = [provider]);
  if (from) (filter.startsFrom = from), (filters.startsFrom = [from]);
  if (until) (filter.startsUntil = until), (filters.startsUntil = [until]);
  return { filter, filters };
}

/** `?cohort=<id>`: the only parameter of a class list. */
export function classListCohort(query: RawQuery): string {
  for (const name of Object.keys(query)) {
    if (name !== 'cohort') {
      throw badParameter(name, 'EXPORT_PARAMETER_UNKNOWN', { id: `Parameter ${name} tidak dikenal; yang dikenal: cohort.`, en: `Unknown parameter ${name}; known: cohort.` });
    }
  }
  const id = text(query, 'cohort');
  if (!id) throw badParameter('cohort', 'EXPORT_PARAMETER_REQUIRED', { id: 'Sebutkan kelompok pelatihan: ?cohort=<id>.', en: 'Name the training cohort: ?cohort=<id>.' });
  return id;
}
