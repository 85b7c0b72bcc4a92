/** Builders shared by the entity tests (not part of the package API). */
import { unwrap } from '../../shared/domain-error';
import { parameterSnapshot, type ParameterSnapshot } from '../../parameters';
import { money } from '../../money';
import { JobOpening } from '../job-opening.entity';
import { Mou } from '../mou.entity';
import { Party } from '../party.entity';
import { Quota } from '../quota.entity';

/** Deterministic UUID-shaped id from a number. */
export function uid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export const T0 = '2026-01-05T09:00:00+07:00';
export const ACTOR = 'officer-1';

export function cityParty(): Party {
  return unwrap(Party.create({ id: uid(1), kind: 'CITY_GOVERNMENT', name: 'Pemerintah Kota Serang', country: 'ID', regionCode: '36.73' }));
}
export function apjatiParty(): Party {
  return unwrap(Party.create({ id: uid(2), kind: 'ASSOCIATION', name: 'APJATI', country: 'ID' }));
}
export function countyParty(): Party {
  return unwrap(Party.create({ id: uid(3), kind: 'FOREIGN_LOCAL_GOVERNMENT', name: 'Kabupaten Hannam', country: 'KR' }));
}
export function employerParty(): Party {
  return unwrap(Party.create({ id: uid(4), kind: 'EMPLOYER', name: 'PT One Asia', country: 'ID' }));
}

const TEXT = { id: 'Memfasilitasi pelatihan', en: 'Facilitate training' };

/** A domestic MoU (city + APJATI), both signatories named, one obligation each, valid from 2026-01-05. */
export function domesticMou(id = uid(100)): Mou {
  const city = cityParty();
  const apjati = apjatiParty();
  return unwrap(
    Mou.create({
      id,
      title: { id: 'MoU Pemkot Serang – APJATI', en: 'MoU Pemkot Serang – APJATI' },
      at: T0,
      actor: ACTOR,
      validFrom: '2026-01-05',
      parties: [
        { party: city, role: 'PRINCIPAL', isSignatory: true, signatoryName: 'Wali Kota' },
        { party: apjati, role: 'PARTNER', isSignatory: true, signatoryName: 'Ketua APJATI' },
      ],
      obligations: [
        { partyId: city.id, text: TEXT },
        { partyId: apjati.id, text: TEXT },
      ],
    }),
  );
}

export function activeMou(id = uid(100)): Mou {
  const mou = domesticMou(id);
  unwrap(mou.sign({ at: '2026-01-05T10:00:00+07:00', actor: ACTOR }));
  unwrap(mou.activate({ at: '2026-01-05T11:00:00+07:00', actor: ACTOR }));
  return mou;
}

export const PARAMS_2026: ParameterSnapshot = parameterSnapshot('2026-03-01');

export function weldingQuota(mou: Mou, seats = 10, id = uid(200)): Quota {
  return unwrap(Quota.create({ id, mou, occupation: 'WELDER', route: 'E7_3', seats, asOf: '2026-01-05' }));
}

export function weldingOpening(mou: Mou, seats = 5, id = uid(300), route: 'E7_3' | 'E7_3_PILOT' = 'E7_3'): JobOpening {
  return unwrap(
    JobOpening.create({
      id,
      mou,
      employer: employerParty(),
      occupation: 'WELDER',
      route,
      seats,
      // above the E-7-3 floor from 2025-03-05 (0.8 × GNI per capita KRW 49,955,000 / 12 = KRW 3,330,333.33 a month)
      wage: { basis: 'FIXED', monthly: money(3_400_000, 'KRW') },
      contractMonths: 24,
      at: '2026-02-01T09:00:00+07:00',
      actor: ACTOR,
    }),
  );
}

/** A verified, published welding opening with its quota under an active MoU. */
export function openPlacementSetup(quotaSeats = 10, openingSeats = 5) {
  const mou = activeMou();
  const quota = weldingQuota(mou, quotaSeats);
  const opening = weldingOpening(mou, openingSeats);
  unwrap(opening.recordAttacheVerification({ verifiedOn: '2026-02-10', reference: 'KBRI-SEL/2026/001' }));
  unwrap(opening.publish({ at: '2026-03-01T09:00:00+07:00', actor: ACTOR, mou, quota, params: PARAMS_2026 }));
  return { mou, quota, opening };
}
