/**
 * The base cost policy: who pays what when no exemption or subsidy applies.
 *
 * - Personal costs (passport, SKCK, social security, medical, local transport, accommodation) fall
 *   on the worker and/or the employer (Perban BP2MI 2/2020, as summarised in DOMAIN.md §5). Here
 *   the worker is assumed, the conservative reading for the worker's cash; an employment contract
 *   or an overlay can move them.
 * - E-9 (G-to-G): the BP2MI/KP2MI notice for the G-to-G Korea programme (Aug 2023) lists the
 *   language test, training, medical, visa, ticket and orientation as the candidate's costs.
 * - E-7-3 and its pilot (through a P3MI) and E-8: no official cost structure was found
 *   (DOMAIN.md §5), so the worker is assumed to pay, the P3MI service fee included. UU 18/2017
 *   Pasal 30(1) says placement costs may not be charged to the worker: the overlay
 *   `EMPLOYER_PAYS_PLACEMENT_FEE` applies that reading.
 * - Return-cost insurance (EPS) is taken out by the worker in Korea.
 *
 * Anything no rule names stays with the worker (rule DEFAULT): the estimate never hides a cost.
 */
import { leanDefineCostPolicy, type CostPolicy } from './cost-policy';

export const BASE_COST_POLICY_ID = 'BASE_ROUTE_COSTS';

export const BASE_COST_POLICY: CostPolicy = leanDefineCostPolicy({
  id: BASE_COST_POLICY_ID,
  kind: 'BASE',
  name: { id: 'Struktur biaya dasar per jalur', en: 'Base cost structure per route' },
  legalBasis: 'Perban BP2MI 2/2020; UU 18/2017 Pasal 30; pengumuman BP2MI G-to-G Korea (Agustus 2023)',
  rules: [
    {
      id: 'PERSONAL_COSTS',
      match: { categories: ['PASSPORT', 'SKCK', 'SOCIAL_SECURITY', 'MEDICAL', 'LOCAL_TRANSPORT', 'ACCOMMODATION'] },
      payer: 'WORKER',
      note: {
        id: 'Biaya pribadi ditanggung pekerja dan/atau pemberi kerja (Perban BP2MI 2/2020); di sini diasumsikan pekerja.',
        en: 'Personal costs fall on the worker and/or the employer (Perban BP2MI 2/2020); the worker is assumed here.',
      },
    },
    {
      id: 'G_TO_G_CANDIDATE_COSTS',
      match: { routes: ['E9'], categories: ['LANGUAGE_TEST', 'JOB_TRAINING', 'COMPETENCY_CERTIFICATE', 'VISA', 'TICKET', 'ORIENTATION'] },
      payer: 'WORKER',
      note: {
        id: 'Program G-to-G Korea: biaya calon pekerja menurut pengumuman BP2MI (Agustus 2023).',
        en: 'G-to-G Korea programme: candidate costs per the BP2MI notice (Aug 2023).',
      },
    },
    {
      id: 'NO_OFFICIAL_STRUCTURE',
      match: {
        routes: ['E7_3', 'E7_3_PILOT', 'E8'],
        categories: ['LANGUAGE_TEST', 'JOB_TRAINING', 'COMPETENCY_CERTIFICATE', 'VISA', 'TICKET', 'ORIENTATION', 'COMPANY_SERVICE_FEE', 'CONTRACT_LEGALISATION'],
      },
      payer: 'WORKER',
      note: {
        id: 'Struktur biaya resmi jalur ini tidak ditemukan; diasumsikan pekerja (konservatif). UU 18/2017 Pasal 30(1) melarang pembebanan biaya penempatan kepada pekerja.',
        en: 'No official cost structure was found for this route; the worker is assumed (conservative). UU 18/2017 Art. 30(1) bars charging placement costs to the worker.',
      },
    },
    {
      id: 'RETURN_COST_INSURANCE',
      match: { categories: ['RETURN_COST_INSURANCE'] },
      payer: 'WORKER',
      note: { id: 'Asuransi biaya kepulangan EPS dibayar pekerja di Korea.', en: 'EPS return-cost insurance is paid by the worker in Korea.' },
    },
  ],
});
