/**
 * The registry of every parameter file. Files are imported statically (resolveJsonModule), so the
 * domain reads no files at run time and the data is compiled into dist. Each file is checked and
 * deep-frozen when this module loads: a malformed file fails fast, and no caller can edit the base.
 */
import bpjsPmiBeforeWorkIdr from './data/bpjs.pmi.beforeWorkIdr.parameter.json';
import bpjsPmiContract12MonthsIdr from './data/bpjs.pmi.contract12MonthsIdr.parameter.json';
import bpjsPmiContract24MonthsIdr from './data/bpjs.pmi.contract24MonthsIdr.parameter.json';
import bpjsPmiContract6MonthsIdr from './data/bpjs.pmi.contract6MonthsIdr.parameter.json';
import bpjsPmiPerMonthBeyond24Idr from './data/bpjs.pmi.perMonthBeyond24Idr.parameter.json';
import costsZeroCostOccupations from './data/costs.zeroCostOccupations.parameter.json';
import disclosureMinCellCount from './data/disclosure.minCellCount.parameter.json';
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
import routesStatus from './data/routes.status.parameter.json';
import topikLevels from './data/topik.levels.parameter.json';
import { DomainError } from '../shared/domain-error';
import { parameterFileProblems, type ParameterFile } from './parameter-file';
import type { ParameterId, ParameterValues } from './parameter-values';
import { parameterValueProblems } from './parameter-value-checks';
import { deepFreeze } from './deep-freeze';

function load<K extends ParameterId>(id: K, raw: unknown): ParameterFile<ParameterValues[K]> {
  const problems = parameterFileProblems(raw, id);
  const file = raw as ParameterFile<unknown>;
  if (problems.length === 0) {
    for (const [date, value] of Object.entries(file.values)) {
      if (value !== null) problems.push(...parameterValueProblems(id, value).map((p) => `${date}: ${p}`));
    }
  }
  if (problems.length > 0) {
    throw new DomainError({
      code: 'PARAMETER.INVALID_FILE',
      message: { id: `Berkas parameter ${id} tidak valid: ${problems.join('; ')}`, en: `Parameter file ${id} is invalid: ${problems.join('; ')}` },
      details: { parameter: id },
    });
  }
  return deepFreeze(raw) as ParameterFile<ParameterValues[K]>;
}

export const PARAMETER_FILES: { readonly [K in ParameterId]: ParameterFile<ParameterValues[K]> } = Object.freeze({
  'bpjs.pmi.beforeWorkIdr': load('bpjs.pmi.beforeWorkIdr', bpjsPmiBeforeWorkIdr),
  'bpjs.pmi.contract12MonthsIdr': load('bpjs.pmi.contract12MonthsIdr', bpjsPmiContract12MonthsIdr),
  'bpjs.pmi.contract24MonthsIdr': load('bpjs.pmi.contract24MonthsIdr', bpjsPmiContract24MonthsIdr),
  'bpjs.pmi.contract6MonthsIdr': load('bpjs.pmi.contract6MonthsIdr', bpjsPmiContract6MonthsIdr),
  'bpjs.pmi.perMonthBeyond24Idr': load('bpjs.pmi.perMonthBeyond24Idr', bpjsPmiPerMonthBeyond24Idr),
  'costs.zeroCostOccupations': load('costs.zeroCostOccupations', costsZeroCostOccupations),
  'disclosure.minCellCount': load('disclosure.minCellCount', disclosureMinCellCount),
  'e73.wageFloorShareOfGni': load('e73.wageFloorShareOfGni', e73WageFloorShareOfGni),
  'e73pilot.minTopikLevel': load('e73pilot.minTopikLevel', e73pilotMinTopikLevel),
  'eps.ageBand': load('eps.ageBand', epsAgeBand),
  'eps.maxPriorMonthsInKorea': load('eps.maxPriorMonthsInKorea', epsMaxPriorMonthsInKorea),
  'eps.minEducation': load('eps.minEducation', epsMinEducation),
  'eps.topikMaxScore': load('eps.topikMaxScore', epsTopikMaxScore),
  'eps.topikMinScore': load('eps.topikMinScore', epsTopikMinScore),
  'eps.topikValidityMonths': load('eps.topikValidityMonths', epsTopikValidityMonths),
  'fee.epsTopikUsdCents': load('fee.epsTopikUsdCents', feeEpsTopikUsdCents),
  'fee.flightJakartaKoreaIdr': load('fee.flightJakartaKoreaIdr', feeFlightJakartaKoreaIdr),
  'fee.koreanCourseIdr': load('fee.koreanCourseIdr', feeKoreanCourseIdr),
  'fee.koreanCourseRegistrationIdr': load('fee.koreanCourseRegistrationIdr', feeKoreanCourseRegistrationIdr),
  'fee.medicalCheckupIdr': load('fee.medicalCheckupIdr', feeMedicalCheckupIdr),
  'fee.orientationIdr': load('fee.orientationIdr', feeOrientationIdr),
  'fee.passportElectronic5yIdr': load('fee.passportElectronic5yIdr', feePassportElectronic5yIdr),
  'fee.passportRegular5yIdr': load('fee.passportRegular5yIdr', feePassportRegular5yIdr),
  'fee.skckIdr': load('fee.skckIdr', feeSkckIdr),
  'fee.visaIdr': load('fee.visaIdr', feeVisaIdr),
  'fx.idrPerKrw': load('fx.idrPerKrw', fxIdrPerKrw),
  'fx.idrPerUsd': load('fx.idrPerUsd', fxIdrPerUsd),
  'korea.minimumWageHourlyKrw': load('korea.minimumWageHourlyKrw', koreaMinimumWageHourlyKrw),
  'korea.minimumWageMonthlyKrw': load('korea.minimumWageMonthlyKrw', koreaMinimumWageMonthlyKrw),
  'korea.returnCostInsuranceKrw': load('korea.returnCostInsuranceKrw', koreaReturnCostInsuranceKrw),
  'kur.annualRate': load('kur.annualRate', kurAnnualRate),
  'kur.ceilingIdr': load('kur.ceilingIdr', kurCeilingIdr),
  'kur.graceInterest': load('kur.graceInterest', kurGraceInterest),
  'kur.graceMonths': load('kur.graceMonths', kurGraceMonths),
  'kur.maxTenorMonths': load('kur.maxTenorMonths', kurMaxTenorMonths),
  'kur.npwpThresholdIdr': load('kur.npwpThresholdIdr', kurNpwpThresholdIdr),
  'identity.birthDate.maxAgeYears': load('identity.birthDate.maxAgeYears', identityBirthDateMaxAgeYears),
  'law.minimumAge': load('law.minimumAge', lawMinimumAge),
  'routes.status': load('routes.status', routesStatus),
  'topik.levels': load('topik.levels', topikLevels),
});

export const PARAMETER_IDS: readonly ParameterId[] = Object.freeze(Object.keys(PARAMETER_FILES).sort() as ParameterId[]);

export function isParameterId(value: unknown): value is ParameterId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PARAMETER_FILES, value);
}
