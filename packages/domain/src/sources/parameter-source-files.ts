/**
 * The description and sources of every dated parameter: `parameters/data/<id>.sources.json`, next
 * to the `<id>.parameter.json` that holds its values (one place per fact: the values there, the
 * bilingual description and the citations here). Served by the `@jembatan/domain/sources` entry
 * point, which the calculators do not import, so an app bundling only the calculators does not carry
 * the descriptions and citations (issue 14). The files are checked by sources.test.ts
 * (`parameterSourceFileProblems`) and deep-frozen when this module loads.
 */
import bpjsPmiBeforeWorkIdr from '../parameters/data/bpjs.pmi.beforeWorkIdr.sources.json';
import bpjsPmiContract12MonthsIdr from '../parameters/data/bpjs.pmi.contract12MonthsIdr.sources.json';
import bpjsPmiContract24MonthsIdr from '../parameters/data/bpjs.pmi.contract24MonthsIdr.sources.json';
import bpjsPmiContract6MonthsIdr from '../parameters/data/bpjs.pmi.contract6MonthsIdr.sources.json';
import bpjsPmiPerMonthBeyond24Idr from '../parameters/data/bpjs.pmi.perMonthBeyond24Idr.sources.json';
import costsZeroCostOccupations from '../parameters/data/costs.zeroCostOccupations.sources.json';
import disclosureMinCellCount from '../parameters/data/disclosure.minCellCount.sources.json';
import e73GniPerCapitaKrw from '../parameters/data/e73.gniPerCapitaKrw.sources.json';
import e73WageFloorShareOfGni from '../parameters/data/e73.wageFloorShareOfGni.sources.json';
import e73pilotMinTopikLevel from '../parameters/data/e73pilot.minTopikLevel.sources.json';
import epsAgeBand from '../parameters/data/eps.ageBand.sources.json';
import epsMaxPriorMonthsInKorea from '../parameters/data/eps.maxPriorMonthsInKorea.sources.json';
import epsMinEducation from '../parameters/data/eps.minEducation.sources.json';
import epsTopikMaxScore from '../parameters/data/eps.topikMaxScore.sources.json';
import epsTopikMinScore from '../parameters/data/eps.topikMinScore.sources.json';
import epsTopikValidityMonths from '../parameters/data/eps.topikValidityMonths.sources.json';
import feeEpsTopikUsdCents from '../parameters/data/fee.epsTopikUsdCents.sources.json';
import feeFlightJakartaKoreaIdr from '../parameters/data/fee.flightJakartaKoreaIdr.sources.json';
import feeKoreanCourseIdr from '../parameters/data/fee.koreanCourseIdr.sources.json';
import feeKoreanCourseRegistrationIdr from '../parameters/data/fee.koreanCourseRegistrationIdr.sources.json';
import feeMedicalCheckupIdr from '../parameters/data/fee.medicalCheckupIdr.sources.json';
import feeOrientationIdr from '../parameters/data/fee.orientationIdr.sources.json';
import feePassportElectronic5yIdr from '../parameters/data/fee.passportElectronic5yIdr.sources.json';
import feePassportRegular5yIdr from '../parameters/data/fee.passportRegular5yIdr.sources.json';
import feeSkckIdr from '../parameters/data/fee.skckIdr.sources.json';
import feeVisaIdr from '../parameters/data/fee.visaIdr.sources.json';
import fxIdrPerKrw from '../parameters/data/fx.idrPerKrw.sources.json';
import fxIdrPerUsd from '../parameters/data/fx.idrPerUsd.sources.json';
import identityBirthDateMaxAgeYears from '../parameters/data/identity.birthDate.maxAgeYears.sources.json';
import koreaMinimumWageHourlyKrw from '../parameters/data/korea.minimumWageHourlyKrw.sources.json';
import koreaMinimumWageMonthlyKrw from '../parameters/data/korea.minimumWageMonthlyKrw.sources.json';
import koreaReturnCostInsuranceKrw from '../parameters/data/korea.returnCostInsuranceKrw.sources.json';
import kurAnnualRate from '../parameters/data/kur.annualRate.sources.json';
import kurCeilingIdr from '../parameters/data/kur.ceilingIdr.sources.json';
import kurGraceInterest from '../parameters/data/kur.graceInterest.sources.json';
import kurGraceMonths from '../parameters/data/kur.graceMonths.sources.json';
import kurMaxTenorMonths from '../parameters/data/kur.maxTenorMonths.sources.json';
import kurNpwpThresholdIdr from '../parameters/data/kur.npwpThresholdIdr.sources.json';
import lawMinimumAge from '../parameters/data/law.minimumAge.sources.json';
import rankingWeights from '../parameters/data/ranking.weights.sources.json';
import routesStatus from '../parameters/data/routes.status.sources.json';
import topikLevels from '../parameters/data/topik.levels.sources.json';
import wageUmkKabupatenSerangIdr from '../parameters/data/wage.umk.kabupatenSerangIdr.sources.json';
import wageUmkKotaSerangIdr from '../parameters/data/wage.umk.kotaSerangIdr.sources.json';
import wageUmkKotaTangerangIdr from '../parameters/data/wage.umk.kotaTangerangIdr.sources.json';
import wageUmpBantenIdr from '../parameters/data/wage.ump.bantenIdr.sources.json';
import wageUmpDkiJakartaIdr from '../parameters/data/wage.ump.dkiJakartaIdr.sources.json';
import type { Messages } from '../shared/domain-error';
import type { IsoDate } from '../shared/local-date';
import { deepFreeze } from '../parameters/deep-freeze';
import type { ParameterId } from '../parameters/parameter-values';

export interface SourceRef {
  readonly title: string;
  readonly url?: string;
  readonly regulation?: string;
  /** The date the source was read. */
  readonly readOn: IsoDate;
  /** Caveats: news or secondary copy, market price, range and the value chosen, ... */
  readonly note?: string;
}

/** What a parameter is (bilingual) and where its values come from. */
export interface ParameterSourceFile {
  readonly id: ParameterId;
  /** What the parameter is, in Indonesian and English (kept here, not with the values, so the calculators do not carry it). */
  readonly description: Messages;
  readonly sources: readonly SourceRef[];
  /** Optional remark on how the dates or values were chosen. */
  readonly note?: string;
}

const FILES = {
  'bpjs.pmi.beforeWorkIdr': bpjsPmiBeforeWorkIdr,
  'bpjs.pmi.contract12MonthsIdr': bpjsPmiContract12MonthsIdr,
  'bpjs.pmi.contract24MonthsIdr': bpjsPmiContract24MonthsIdr,
  'bpjs.pmi.contract6MonthsIdr': bpjsPmiContract6MonthsIdr,
  'bpjs.pmi.perMonthBeyond24Idr': bpjsPmiPerMonthBeyond24Idr,
  'costs.zeroCostOccupations': costsZeroCostOccupations,
  'disclosure.minCellCount': disclosureMinCellCount,
  'e73.gniPerCapitaKrw': e73GniPerCapitaKrw,
  'e73.wageFloorShareOfGni': e73WageFloorShareOfGni,
  'e73pilot.minTopikLevel': e73pilotMinTopikLevel,
  'eps.ageBand': epsAgeBand,
  'eps.maxPriorMonthsInKorea': epsMaxPriorMonthsInKorea,
  'eps.minEducation': epsMinEducation,
  'eps.topikMaxScore': epsTopikMaxScore,
  'eps.topikMinScore': epsTopikMinScore,
  'eps.topikValidityMonths': epsTopikValidityMonths,
  'fee.epsTopikUsdCents': feeEpsTopikUsdCents,
  'fee.flightJakartaKoreaIdr': feeFlightJakartaKoreaIdr,
  'fee.koreanCourseIdr': feeKoreanCourseIdr,
  'fee.koreanCourseRegistrationIdr': feeKoreanCourseRegistrationIdr,
  'fee.medicalCheckupIdr': feeMedicalCheckupIdr,
  'fee.orientationIdr': feeOrientationIdr,
  'fee.passportElectronic5yIdr': feePassportElectronic5yIdr,
  'fee.passportRegular5yIdr': feePassportRegular5yIdr,
  'fee.skckIdr': feeSkckIdr,
  'fee.visaIdr': feeVisaIdr,
  'fx.idrPerKrw': fxIdrPerKrw,
  'fx.idrPerUsd': fxIdrPerUsd,
  'identity.birthDate.maxAgeYears': identityBirthDateMaxAgeYears,
  'korea.minimumWageHourlyKrw': koreaMinimumWageHourlyKrw,
  'korea.minimumWageMonthlyKrw': koreaMinimumWageMonthlyKrw,
  'korea.returnCostInsuranceKrw': koreaReturnCostInsuranceKrw,
  'kur.annualRate': kurAnnualRate,
  'kur.ceilingIdr': kurCeilingIdr,
  'kur.graceInterest': kurGraceInterest,
  'kur.graceMonths': kurGraceMonths,
  'kur.maxTenorMonths': kurMaxTenorMonths,
  'kur.npwpThresholdIdr': kurNpwpThresholdIdr,
  'law.minimumAge': lawMinimumAge,
  'ranking.weights': rankingWeights,
  'routes.status': routesStatus,
  'topik.levels': topikLevels,
  'wage.umk.kabupatenSerangIdr': wageUmkKabupatenSerangIdr,
  'wage.umk.kotaSerangIdr': wageUmkKotaSerangIdr,
  'wage.umk.kotaTangerangIdr': wageUmkKotaTangerangIdr,
  'wage.ump.bantenIdr': wageUmpBantenIdr,
  'wage.ump.dkiJakartaIdr': wageUmpDkiJakartaIdr,
} satisfies Record<ParameterId, unknown>;

export const PARAMETER_SOURCE_FILES = deepFreeze(FILES) as unknown as { readonly [K in ParameterId]: ParameterSourceFile };
