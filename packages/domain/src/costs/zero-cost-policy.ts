/**
 * Perban BP2MI 9/2020 (zero placement cost): for the 10 informal jobs listed in the parameter
 * `costs.zeroCostOccupations`, the worker is freed from tickets, visa, contract legalisation, job
 * training, competency certificate, company service fee, passport, police certificate (SKCK),
 * social security, medical and psychological tests, local transport and accommodation. Those parts
 * move from the worker to the employer. The regulation also bans loan charges deducted from wages.
 * Costs it does not list (the EPS-TOPIK fee, pre-departure orientation, return-cost insurance)
 * keep the base payer.
 */
import type { Occupation } from '../shared/vocabulary';
import type { CostCategory } from './cost-line';
import { leanDefineCostPolicy, type CostPolicy } from './cost-policy';

export const ZERO_COST_POLICY_ID = 'PERBAN_9_2020_ZERO_COST';

export const PERBAN_9_2020_EXEMPT_CATEGORIES: readonly CostCategory[] = Object.freeze([
  'TICKET',
  'VISA',
  'CONTRACT_LEGALISATION',
  'JOB_TRAINING',
  'COMPETENCY_CERTIFICATE',
  'COMPANY_SERVICE_FEE',
  'PASSPORT',
  'SKCK',
  'SOCIAL_SECURITY',
  'MEDICAL',
  'LOCAL_TRANSPORT',
  'ACCOMMODATION',
]);

/** The Perban 9/2020 policy for the occupations the parameter lists on the estimate's date. */
export function zeroCostPolicy(occupations: readonly Occupation[]): CostPolicy {
  return leanDefineCostPolicy({
    id: ZERO_COST_POLICY_ID,
    kind: 'REGULATION',
    name: { id: 'Pembebasan biaya penempatan (Perban BP2MI 9/2020)', en: 'Placement cost exemption (Perban BP2MI 9/2020)' },
    legalBasis: 'Perban BP2MI 9/2020',
    rules: [
      {
        id: 'EXEMPT_COSTS',
        match: { occupations, categories: PERBAN_9_2020_EXEMPT_CATEGORIES },
        payer: 'EMPLOYER',
        from: ['WORKER'],
        note: {
          id: 'Pekerja dibebaskan dari biaya ini untuk 10 jabatan Perban BP2MI 9/2020; dibebankan kepada pemberi kerja.',
          en: 'The worker is freed from this cost for the 10 jobs of Perban BP2MI 9/2020; charged to the employer.',
        },
      },
    ],
  });
}
