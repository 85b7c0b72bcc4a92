/**
 * Job openings through the API, as an officer would create them: employers (createParty), then for
 * each opening createJobOpening (DRAFT) → updateJobOpening (attaché verification) →
 * transitionJobOpening(OPEN). They fall under the seeded quotas whose MoU is in force (the seed's
 * APJATI MoU: welder / ship painter / ship electrician on E-7-3).
 */
import { mapLimit, mustRun } from './graphql.mjs';

const EMPLOYERS = [
  'Hanbit Heavy Industries', 'Geoje Marine Works', 'Ulsan Hull & Block', 'Mokpo Ship Systems',
  'Busan Offshore Fabrication', 'Tongyeong Shipyard', 'Gunsan Steel Marine', 'Yeosu Ocean Engineering',
];

async function quotasInForce(url, token) {
  const data = await mustRun(
    url,
    'query { quotas(first: 100) { edges { node { id occupation route seats allocated mou { id status } } } } }',
    undefined,
    token,
  );
  const quotas = data.quotas.edges.map((e) => e.node).filter((q) => q.mou.status === 'SIGNED' || q.mou.status === 'ACTIVE');
  if (quotas.length === 0) throw new Error('no quota under a SIGNED/ACTIVE MoU: did the gateway load its seed?');
  return quotas;
}

async function createEmployers(url, token) {
  return mapLimit(EMPLOYERS, 4, async (name) => {
    const data = await mustRun(
      url,
      'mutation($input: CreatePartyInput!) { createParty(input: $input) { id } }',
      { input: { kind: 'EMPLOYER', name: `${name} (bench)`, country: 'KR', note: 'Synthetic employer created by npm run bench.' } },
      token,
    );
    return data.createParty.id;
  });
}

async function openOne(url, token, input) {
  const created = await mustRun(url, 'mutation($input: CreateJobOpeningInput!) { createJobOpening(input: $input) { id } }', { input }, token);
  const id = created.createJobOpening.id;
  await mustRun(
    url,
    'mutation($input: UpdateJobOpeningInput!) { updateJobOpening(input: $input) { id } }',
    { input: { id, attacheVerifiedOn: '2026-01-15', attacheReference: `KBRI-SEOUL-BENCH-${id.slice(0, 8)}` } },
    token,
  );
  await mustRun(url, 'mutation($id: ID!) { transitionJobOpening(id: $id, to: OPEN) { status } }', { id }, token);
  return { id, ...input };
}

/** `count` OPEN openings spread over the quotas in force and the employers; returns them. */
export async function seedOpenings(url, token, count) {
  const quotas = await quotasInForce(url, token);
  const employers = await createEmployers(url, token);
  const inputs = Array.from({ length: count }, (_, i) => {
    const quota = quotas[i % quotas.length];
    return {
      mouId: quota.mou.id,
      employerPartyId: employers[i % employers.length],
      occupation: quota.occupation,
      route: quota.route,
      seats: 1 + (i % 5),
      // at or above the E-7-3 floor (0.8 × Korea's GNI per capita, the parameter e73.gniPerCapitaKrw: KRW 3,330,334 a month)
      wage: { basis: 'FIXED', monthlyKrw: String(3_400_000 + (i % 7) * 100_000) },
      contractMonths: [24, 36, 12][i % 3],
    };
  });
  const openings = await mapLimit(inputs, 4, (input) => openOne(url, token, input));
  return { openings, quotas, employers };
}
