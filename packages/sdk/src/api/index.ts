import type { Send } from './send.js';
import { aggregatesApi, type AggregatesApi } from './aggregates.api.js';
import { candidatesApi, type CandidatesApi } from './candidates.api.js';
import { costsApi, type CostsApi } from './costs.api.js';
import { eligibilityApi, type EligibilityApi } from './eligibility.api.js';
import { financingApi, type FinancingApi } from './financing.api.js';
import { mousApi, type MousApi } from './mous.api.js';
import { openingsApi, type OpeningsApi } from './openings.api.js';
import { parametersApi, type ParametersApi } from './parameters.api.js';
import { partiesApi, type PartiesApi } from './parties.api.js';
import { quotasApi, type QuotasApi } from './quotas.api.js';
import { trainingApi, type TrainingApi } from './training.api.js';
import { importsApi, type ImportsApi } from './imports.api.js';
import { programSettingsApi, type ProgramSettingsApi } from './program-settings.api.js';
import type { Upload } from '../client/upload.js';
import type { Download } from '../client/download.js';
import { exportsApi, type ExportsApi } from './exports.api.js';

export type { ListOptions, Send } from './send.js';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './send.js';
export * from './aggregates.api.js';
export * from './candidates.api.js';
export * from './costs.api.js';
export * from './eligibility.api.js';
export * from './financing.api.js';
export * from './mous.api.js';
export * from './openings.api.js';
export * from './parameters.api.js';
export * from './parties.api.js';
export * from './quotas.api.js';
export * from './training.api.js';
export * from './imports.api.js';
export * from './exports.api.js';
export * from './program-settings.api.js';

/** The client's methods, grouped by what a municipal app does. Each calls one generated operation. */
export interface JembatanApi {
  readonly mous: MousApi;
  readonly quotas: QuotasApi;
  readonly parties: PartiesApi;
  readonly openings: OpeningsApi;
  readonly candidates: CandidatesApi;
  readonly eligibility: EligibilityApi;
  readonly costs: CostsApi;
  readonly financing: FinancingApi;
  readonly parameters: ParametersApi;
  readonly aggregates: AggregatesApi;
  readonly training: TrainingApi;
  /** Spreadsheet imports (POST /imports/candidates beside the GraphQL endpoint) and their progress. */
  readonly imports: ImportsApi;
  /** CSV / XLSX downloads (GET /exports/<kind>.<csv|xlsx> beside the GraphQL endpoint): candidates, openings, cohorts, class lists, aggregates. */
  readonly exports: ExportsApi;
  /** Program settings stored with their date and source (the up-front cash line). */
  readonly programSettings: ProgramSettingsApi;
}

export function createApi(send: Send, upload: Upload, download: Download): JembatanApi {
  return Object.freeze({
    mous: Object.freeze(mousApi(send)),
    quotas: Object.freeze(quotasApi(send)),
    parties: Object.freeze(partiesApi(send)),
    openings: Object.freeze(openingsApi(send)),
    candidates: Object.freeze(candidatesApi(send)),
    eligibility: Object.freeze(eligibilityApi(send)),
    costs: Object.freeze(costsApi(send)),
    financing: Object.freeze(financingApi(send)),
    parameters: Object.freeze(parametersApi(send)),
    aggregates: Object.freeze(aggregatesApi(send)),
    training: Object.freeze(trainingApi(send)),
    imports: Object.freeze(importsApi(send, upload)),
    exports: Object.freeze(exportsApi(download)),
    programSettings: Object.freeze(programSettingsApi(send)),
  });
}
