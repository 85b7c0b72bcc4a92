/** Program data for the end-to-end tests, built through the SDK as an officer would. */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import type { CandidateProfileInput, JembatanClient } from '@jembatan/sdk';
import { liveGateway } from './live-gateway';

const BLOCK = 100;
let block = -1;
let used = BLOCK;

/**
 * Claims the next unused block of 100 serials for this test file. The suites share one gateway, so
 * a per-file random start collided with another file's NIKs (a CONFLICT on the first registration);
 * each block is claimed by creating its file exclusively in the run's own directory, so two files
 * never get the same serials, whatever their order or number.
 */
function claimBlock(): number {
  const dir = path.join(path.dirname(liveGateway().dataDir), 'nik-blocks');
  mkdirSync(dir, { recursive: true });
  for (let k = 1; k * BLOCK + BLOCK <= 10_000; k += 1) {
    try {
      closeSync(openSync(path.join(dir, String(k)), 'wx'));
      return k;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  throw new Error('freshNik: all 9,900 serials of this run are used');
}

/** A fresh valid Kota Serang NIK for a man born 12 March 1997 (unique within the run, across files). */
export function freshNik(): string {
  if (used === BLOCK) {
    block = claimBlock();
    used = 0;
  }
  const serial = block * BLOCK + used;
  used += 1;
  return `367301120397${String(serial).padStart(4, '0')}`;
}

/** Moves a YYYY-MM-DD date by whole months. */
export function monthsFrom(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** A welder who meets every E-7-3 selection rule on `today`. */
export function eligibleWelder(nik: string, today: string): CandidateProfileInput {
  return {
    nik,
    declaredBirthDate: '1997-03-12',
    declaredSex: 'M',
    education: 'SLTA',
    address: { kecamatan: 'Cipocok Jaya', city: 'Kota Serang', source: 'KTP' },
    topikResults: [{ test: 'TOPIK_I', takenOn: monthsFrom(today, -6), score: 150 }],
    skillVerifications: [{ occupation: 'WELDER', certifier: 'KOSHIPA', qualification: 'FCAW 3G', testedOn: monthsFrom(today, -2), passed: true }],
    documents: [
      { kind: 'KTP', verified: true },
      { kind: 'AK1_CARD', issuedOn: monthsFrom(today, -1), verified: true },
    ],
    koreaHistory: { deported: false, entryBanned: false, priorMonthsE9: 0, priorMonthsE10: 0 },
  };
}

export interface TestProgram {
  readonly mouId: string;
  readonly employerId: string;
  readonly openingId: string;
}

/** Parties, an MoU signed by the city and an association, a welder quota and an OPEN, attaché-verified opening. */
export async function openWelderOpening(client: JembatanClient, today: string, seats: number, label: string): Promise<TestProgram> {
  const city = await client.parties.create({ kind: 'CITY_GOVERNMENT', name: `Pemerintah Kota Serang (${label})`, country: 'ID', regionCode: '36.73' });
  const association = await client.parties.create({ kind: 'ASSOCIATION', name: `Asosiasi uji ${label}`, country: 'ID' });
  const employer = await client.parties.create({ kind: 'EMPLOYER', name: `Employer ${label}`, country: 'KR' });
  const mou = await client.mous.create({
    title: { id: `MoU uji ${label}`, en: `Test MoU ${label}` },
    validFrom: today,
    parties: [
      { partyId: city.id, role: 'PRINCIPAL', isSignatory: true, signatoryName: 'Wali Kota Serang', signatoryTitle: 'Wali Kota' },
      { partyId: association.id, role: 'PARTNER', isSignatory: true, signatoryName: 'Ketua', signatoryTitle: 'Ketua Umum' },
    ],
    obligations: [
      { partyId: city.id, text: { id: 'Menyiapkan calon pekerja', en: 'Prepare candidates' } },
      { partyId: association.id, text: { id: 'Memfasilitasi pelatihan', en: 'Facilitate training' } },
    ],
  });
  await client.mous.transition({ id: mou.id, to: 'EXPLORATION' });
  await client.mous.transition({ id: mou.id, to: 'SIGNED', signedOn: today });
  await client.quotas.set({ mouId: mou.id, occupation: 'WELDER', route: 'E7_3', seats });
  const opening = await client.openings.create({
    mouId: mou.id,
    employerPartyId: employer.id,
    occupation: 'WELDER',
    route: 'E7_3',
    seats,
    wage: { basis: 'FIXED', monthlyKrw: '3400000' },
    contractMonths: 24,
  });
  await client.openings.update({ id: opening.id, attacheVerifiedOn: today, attacheReference: `KBRI-SEOUL/E2E/${label}` });
  await client.openings.publish(opening.id);
  return { mouId: mou.id, employerId: employer.id, openingId: opening.id };
}
