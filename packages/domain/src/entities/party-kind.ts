/** Kinds of party in the program (DOMAIN.md §2). */
import type { Messages } from '../shared/domain-error';

export const PARTY_KINDS = [
  'CITY_GOVERNMENT',
  'FOREIGN_LOCAL_GOVERNMENT',
  'ASSOCIATION',
  'P3MI',
  'EMPLOYER',
  'TRAINING_PROVIDER',
  'CERTIFIER',
  'BANK',
  'NATIONAL_AGENCY',
] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const PARTY_KIND_LABELS: Readonly<Record<PartyKind, Messages>> = Object.freeze({
  CITY_GOVERNMENT: {
    id: 'Pemerintah daerah di Indonesia (mis. Pemkot Serang / Disnakertrans)',
    en: 'Indonesian local government (e.g. Pemkot Serang / Disnakertrans)',
  },
  FOREIGN_LOCAL_GOVERNMENT: {
    id: 'Pemerintah daerah luar negeri (kabupaten/provinsi di Korea)',
    en: 'Foreign local government (Korean county or province)',
  },
  ASSOCIATION: { id: 'Asosiasi (mis. APJATI; bukan pelaksana penempatan)', en: 'Association (e.g. APJATI; not a placement executor)' },
  P3MI: {
    id: 'Perusahaan Penempatan Pekerja Migran Indonesia (pemegang SIP3MI dan SIP2MI)',
    en: 'Private placement company (P3MI, holding an SIP3MI licence and an SIP2MI recruitment permit)',
  },
  EMPLOYER: { id: 'Pemberi kerja atau perantara di Korea', en: 'Korean employer or intermediary' },
  TRAINING_PROVIDER: { id: 'Lembaga pelatihan (LPK, BBPVP, KIOTEC)', en: 'Training provider (LPK, BBPVP, KIOTEC)' },
  CERTIFIER: { id: 'Lembaga sertifikasi (LSP di bawah BNSP, KOSHIPA)', en: 'Certifier (LSP under BNSP, KOSHIPA)' },
  BANK: { id: 'Bank penyalur KUR', en: 'Bank (KUR lender)' },
  NATIONAL_AGENCY: { id: 'Instansi nasional (KP2MI / BP3MI)', en: 'National agency (KP2MI / BP3MI)' },
});
