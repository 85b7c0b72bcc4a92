/**
 * Ready-made "what-if" overlays (OpenFisca-style reforms) that officers can apply on top of the base
 * and the Perban 9/2020 exemption. They name who decided them only as a study ("what-if"); a real
 * decision should be defined with `defineCostPolicy` and its own `statedBy` (Perwal, MoU clause).
 */
import { leanDefineCostPolicy, type CostPolicy } from './cost-policy';

/** The city pays the Korean course and its registration (a subsidy from Pemkot Serang). */
export const CITY_PAYS_KOREAN_COURSE: CostPolicy = leanDefineCostPolicy({
  id: 'CITY_PAYS_KOREAN_COURSE',
  kind: 'OVERLAY',
  name: { id: 'Pemkot Serang membiayai kursus bahasa Korea', en: 'Kota Serang pays the Korean course' },
  legalBasis: null,
  statedBy: 'what-if',
  rules: [{ id: 'KOREAN_COURSE', match: { lineIds: ['koreanCourse', 'koreanCourseRegistration'] }, payer: 'CITY_SUBSIDY' }],
});

/** An APJATI facility covers job training (DOMAIN.md §1: APJATI "facilitates training cost"). */
export const APJATI_FACILITY_COVERS_TRAINING: CostPolicy = leanDefineCostPolicy({
  id: 'APJATI_FACILITY_COVERS_TRAINING',
  kind: 'OVERLAY',
  name: { id: 'Fasilitas APJATI menanggung biaya pelatihan', en: 'An APJATI facility covers training costs' },
  legalBasis: null,
  statedBy: 'what-if (MoU Pemkot Serang–APJATI, 8 Dec 2025: APJATI facilitates training cost)',
  rules: [{ id: 'TRAINING', match: { categories: ['JOB_TRAINING'] }, payer: 'APJATI_FACILITY' }],
});

/** The employer pays the P3MI service fee (UU 18/2017 Pasal 30(1): no placement cost on the worker). */
export const EMPLOYER_PAYS_PLACEMENT_FEE: CostPolicy = leanDefineCostPolicy({
  id: 'EMPLOYER_PAYS_PLACEMENT_FEE',
  kind: 'OVERLAY',
  name: { id: 'Pemberi kerja membayar jasa P3MI', en: 'The employer pays the P3MI service fee' },
  legalBasis: 'UU 18/2017 Pasal 30(1)',
  rules: [{ id: 'SERVICE_FEE', match: { categories: ['COMPANY_SERVICE_FEE'] }, payer: 'EMPLOYER' }],
});
