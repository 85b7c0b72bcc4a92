/**
 * The floor's answers: each read is ONE parameterised SQL statement that builds the whole response
 * body (`{"data": …}`) in PostgreSQL with json_build_object / json_agg, in the field order and with
 * the values the GraphQL query selects (ordering as the gateway's lists: created_at, then id). The
 * server passes the text through untouched. PostgreSQL's json text has a space around `:` and after
 * `,`, so these bodies are a little larger than Jembatan's compact ones (the bench prints both sizes).
 */

const JOB_BOARD_SQL = `
select json_build_object('data', json_build_object('jobOpenings', json_build_object('edges',
  coalesce(json_agg(json_build_object('node', json_build_object(
    'id', o.id,
    'occupation', o.occupation,
    'route', o.route,
    'seats', o.seats,
    'seatsLeft', o.seats - o.allocated,
    'wage', json_build_object(
      'basis', o.wage_basis,
      'monthly', case when o.wage_basis = 'FIXED'
                      then json_build_object('amount', o.wage_monthly_amount::text, 'currency', coalesce(o.wage_currency, 'KRW')) end),
    'mou', json_build_object('title', json_build_object('en', m.title_en), 'status', m.status),
    'employer', json_build_object('name', p.name)
  )) order by o.created_at, o.id), '[]'::json))))::text as body
from (select * from job_opening where status = any($1::text[]) order by created_at, id limit $2::int) o
join mou m on m.id = o.mou_id
join party p on p.id = o.employer_party_id`;

const CANDIDATE_NODE = `json_build_object(
    'id', p.id,
    'nikMasked', case when p.nik is null then null else left(p.nik, 4) || repeat('*', 10) || right(p.nik, 2) end,
    'stage', p.stage,
    'kecamatan', p.kecamatan,
    'targetRoute', p.target_route,
    'targetOccupation', p.target_occupation,
    'eligibilityStatus', p.eligibility,
    'profile', json_build_object(
      'education', p.profile -> 'education',
      'address', case when jsonb_typeof(p.profile -> 'address') = 'object'
                      then json_build_object('kelurahan', p.profile -> 'address' -> 'kelurahan') end))`;

/** One row more than the page tells whether a next page exists (as the gateway's keyset page does). */
const OFFICER_CANDIDATES_SQL = `
select json_build_object('data', json_build_object('candidates', json_build_object(
  'totalCount', (select count(*) from candidate c where c.stage = any($1::text[]) and c.kecamatan = any($2::text[])),
  'pageInfo', json_build_object('hasNextPage', count(*) > $3::int),
  'edges', coalesce(json_agg(json_build_object('node', ${CANDIDATE_NODE}) order by p.created_at, p.id) filter (where p.n <= $3::int), '[]'::json)
)))::text as body
from (
  select c.*, row_number() over (order by c.created_at, c.id) as n
    from candidate c
   where c.stage = any($1::text[]) and c.kecamatan = any($2::text[])
   order by c.created_at, c.id
   limit $3::int + 1
) p`;

const QUOTA_FILL_SQL = `
with r as (
  select q.mou_id, q.occupation, q.route, sum(q.seats)::int as seats, sum(q.allocated)::int as allocated
    from quota q
   group by q.mou_id, q.occupation, q.route
)
select json_build_object('data', json_build_object('quotaFill', json_build_object(
  'seats', coalesce(sum(r.seats), 0),
  'allocated', coalesce(sum(r.allocated), 0),
  'left', coalesce(sum(r.seats - r.allocated), 0),
  'rows', coalesce(json_agg(json_build_object(
    'mou', json_build_object('id', m.id, 'title', json_build_object('en', m.title_en)),
    'occupation', r.occupation,
    'route', r.route,
    'seats', r.seats,
    'allocated', r.allocated,
    'left', r.seats - r.allocated
  ) order by r.mou_id, r.occupation, r.route), '[]'::json))))::text as body
from r join mou m on m.id = r.mou_id`;

const ANONYMOUS_OPENING_STATUSES = ['OPEN'];

/**
 * operationName → { text, values(variables) }. The values come from the request's variables where
 * the GraphQL query takes them, else from the literals of the query (first: 50, first: 100).
 */
export const FLOOR_STATEMENTS = {
  JobBoard: { text: JOB_BOARD_SQL, values: () => [ANONYMOUS_OPENING_STATUSES, 50] },
  OfficerCandidates: {
    text: OFFICER_CANDIDATES_SQL,
    values: (variables) => [variables?.filter?.stages ?? [], variables?.filter?.kecamatans ?? [], 100],
  },
  QuotaFill: { text: QUOTA_FILL_SQL, values: () => [] },
};
