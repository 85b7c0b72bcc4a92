/**
 * @jembatan/domain/sources — what every dated parameter is (a bilingual description) and where its
 * figures come from (sources with the date they were read, and notes on how values were chosen),
 * looked up by parameter id. A separate entry point (issue 14): the calculators in the main entry
 * name parameters by id with value, unit and effective date, and do not carry these texts.
 */
export * from './parameter-source-files';
export * from './parameter-sources';
export * from './region-sources';
