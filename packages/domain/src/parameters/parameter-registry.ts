/**
 * The registry of every parameter file. Files are imported statically (resolveJsonModule), so the
 * domain reads no files at run time and the data is compiled into dist. Each file is deep-frozen
 * when this module loads, so no caller can edit the base. The files are checked by
 * parameter-data.test.ts (shape, id, and every value against `parameterValueProblems`), not here:
 * the data is fixed at build time, and the calculators' bundle does not carry the file checker
 * (issue 14). Overlay values, which arrive at run time, are checked by the snapshot.
 */
import bpjsPmiBeforeWorkIdr from './data/bpjs.pmi.beforeWorkIdr.parameter.json';
import bpjsPmiContract12MonthsIdr from './data/bpjs.pmi.contract12MonthsIdr.parameter.json';
import bpjsPmiContract24MonthsIdr from './data/bpjs.pmi.contract24MonthsIdr.parameter.json';
import bpjsPmiContract6MonthsIdr from './data/bpjs.pmi.contract6MonthsIdr.parameter.json';
import bpjsPmiPerMonthBeyond24Idr from './data/bpjs.pmi.perMonthBeyond24Idr.parameter.json';
import costsZeroCostOccupations from './data/costs.zeroCostOccupations.parameter.json';
import disclosureMinCellCount from './data/disclosure.minCellCount.parameter.json';
import e73GniPerCapitaKrw from './data/e73.gniPerCapitaKrw.parameter.json';
import e73WageFloorShareOfGni from './data/e73.wageFloorShareOfGni.parameter.json';
import e73pilotMinTopikLevel from './data/e73pilot.minTopikLevel.parameter.json';
import epsAgeBand from './data/eps.ageBand.parameter.json';
import epsMaxPriorMonthsInKorea from './data/eps.maxPriorMonthsInKorea.parameter.json';
import epsMinEducation from './data/eps.minEducation.parameter.json';
import epsTopikMaxScore from './data/eps.topikMaxScore.parameter.json';
import epsTopikMinScore from './data/eps.topikMinScore.parameter.json';
import epsTopikValidityMonths from './data/eps.topikValidityMonths.parameter.json';
import feeEpsTopikUsdCents from './data/fee.epsTopikUsdCents.parameter.json';
import feeFlightJakartaKoreaIdr from './data/fee.flightJakartaKoreaIdr.parameter.json';
import feeKoreanCourseIdr from './data/fee.koreanCourseIdr.parameter.json';
import feeKoreanCourseRegistrationIdr from './data/fee.koreanCourseRegistrationIdr.parameter.json';
import feeMedicalCheckupIdr from './data/fee.medicalCheckupIdr.parameter.json';
import feeOrientationIdr from './data/fee.orientationIdr.parameter.json';
import feePassportElectronic5yIdr from './data/fee.passportElectronic5yIdr.parameter.json';
import feePassportRegular5yIdr from './data/fee.passportRegular5yIdr.parameter.json';
import feeSkckIdr from './data/fee.skckIdr.parameter.json';
import feeVisaIdr from './data/fee.visaIdr.parameter.json';
import fxIdrPerKrw from './data/fx.idrPerKrw.parameter.json';
import fxIdrPerUsd from './data/fx.idrPerUsd.parameter.json';
import koreaMinimumWageHourlyKrw from './data/korea.minimumWageHourlyKrw.parameter.json';
import koreaMinimumWageMonthlyKrw from './data/korea.minimumWageMonthlyKrw.parameter.json';
import koreaReturnCostInsuranceKrw from './data/korea.returnCostInsuranceKrw.parameter.json';
import kurAnnualRate from './data/kur.annualRate.parameter.json';
import kurCeilingIdr from './data/kur.ceilingIdr.parameter.json';
import kurGraceInterest from './data/kur.graceInterest.parameter.json';
import kurGraceMonths from './data/kur.graceMonths.parameter.json';
import kurMaxTenorMonths from './data/kur.maxTenorMonths.parameter.json';
import kurNpwpThresholdIdr from './data/kur.npwpThresholdIdr.parameter.json';
import identityBirthDateMaxAgeYears from './data/identity.birthDate.maxAgeYears.parameter.json';
import lawMinimumAge from './data/law.minimumAge.parameter.json';
import rankingWeights from './data/ranking.weights.parameter.json';
import routesStatus from './data/routes.status.parameter.json';
import topikLevels from './data/topik.levels.parameter.json';
import wageUmkKabupatenSerangIdr from './data/wage.umk.kabupatenSerangIdr.parameter.json';
import wageUmkKotaSerangIdr from './data/wage.umk.kotaSerangIdr.parameter.json';
import wageUmkKotaTangerangIdr from './data/wage.umk.kotaTangerangIdr.parameter.json';
import wageUmpBantenIdr from './data/wage.ump.bantenIdr.parameter.json';
import wageUmpDkiJakartaIdr from './data/wage.ump.dkiJakartaIdr.parameter.json';
import type { ParameterFile } from './parameter-file';
import type { ParameterId, ParameterValues } from './parameter-values';
import { deepFreeze } from './deep-freeze';

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
  'korea.minimumWageHourlyKrw': koreaMinimumWageHourlyKrw,
  'korea.minimumWageMonthlyKrw': koreaMinimumWageMonthlyKrw,
  'korea.returnCostInsuranceKrw': koreaReturnCostInsuranceKrw,
  'kur.annualRate': kurAnnualRate,
  'kur.ceilingIdr': kurCeilingIdr,
  'kur.graceInterest': kurGraceInterest,
  'kur.graceMonths': kurGraceMonths,
  'kur.maxTenorMonths': kurMaxTenorMonths,
  'kur.npwpThresholdIdr': kurNpwpThresholdIdr,
  'identity.birthDate.maxAgeYears': identityBirthDateMaxAgeYears,
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

export const PARAMETER_FILES = deepFreeze(FILES) as unknown as { readonly [K in ParameterId]: ParameterFile<ParameterValues[K]> };

export const PARAMETER_IDS: readonly ParameterId[] = Object.freeze(Object.keys(PARAMETER_FILES).sort() as ParameterId[]);

export function isParameterId(value: unknown): value is ParameterId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PARAMETER_FILES, value);
}
