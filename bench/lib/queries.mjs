/**
 * The three reads, sent as the same HTTP request (POST /graphql, JSON body) to Jembatan and to the
 * floor. The floor answers each `operationName` with the same JSON shape (floor/sql.mjs).
 */

export const JOB_BOARD = {
  id: 'jobBoard',
  title: 'Job board (anonymous, first 50)',
  auth: 'anonymous',
  operationName: 'JobBoard',
  query:
    'query JobBoard { jobOpenings(first: 50) { edges { node { id occupation route seats seatsLeft ' +
    'wage { basis monthly { amount currency } } mou { title { en } status } employer { name } } } } }',
  variables: undefined,
  rows: (data) => data?.jobOpenings?.edges?.length,
};

/** An officer's working list: the active pipeline of two kecamatan, 100 a page, with the total. */
export const OFFICER_CANDIDATES = {
  id: 'officerCandidates',
  title: 'Officer candidates (100, filtered)',
  auth: 'officer',
  operationName: 'OfficerCandidates',
  query:
    'query OfficerCandidates($filter: CandidateFilter) { candidates(first: 100, filter: $filter) { totalCount ' +
    'pageInfo { hasNextPage } edges { node { id nikMasked stage kecamatan targetRoute targetOccupation eligibilityStatus ' +
    'profile { education address { kelurahan } } } } } }',
  variables: {
    filter: { stages: ['REGISTERED', 'SELECTED', 'TRAINING', 'TESTING'], kecamatans: ['SERANG', 'KASEMEN'] },
  },
  rows: (data) => data?.candidates?.edges?.length,
};

export const QUOTA_FILL = {
  id: 'quotaFill',
  title: 'quotaFill (anonymous)',
  auth: 'anonymous',
  operationName: 'QuotaFill',
  query: 'query QuotaFill { quotaFill { seats allocated left rows { mou { id title { en } } occupation route seats allocated left } } }',
  variables: undefined,
  rows: (data) => data?.quotaFill?.rows?.length,
};

export const READS = [JOB_BOARD, OFFICER_CANDIDATES, QUOTA_FILL];

/** The request body, byte for byte the same for both targets. */
export function requestBody(read) {
  return JSON.stringify({ operationName: read.operationName, query: read.query, ...(read.variables ? { variables: read.variables } : {}) });
}
