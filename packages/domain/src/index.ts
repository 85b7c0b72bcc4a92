/**
 * @jembatan/domain — the pure core of Jembatan.
 * No I/O, no clock, no randomness: every date is passed in, every figure is a dated parameter.
 *
 * This main entry holds the calculators and what they need (parameters, money, identity,
 * eligibility, costs, financing, disclosure, shared vocabulary), so that an app bundling only the
 * calculators does not carry the entities or the seed data. Those are separate entry points:
 *   `@jembatan/domain/entities`  entities with invariants (MoU, quota, opening, candidate, ...)
 *   `@jembatan/domain/seed`      the seed program fixture and its builder
 *   `@jembatan/domain/training`  courses, cohorts, enrolment, attendance, readiness, the plan to a target
 *   `@jembatan/domain/sources`   each parameter's citations (sources, date read, notes), by parameter id
 *   `@jembatan/domain/regions`   Kota Serang's kecamatan and kelurahan with Kemendagri and BPS codes
 *   `@jembatan/domain/calculators` the calculators with their results' texts by reference (`TextRef`),
 *                                for a small browser bundle (issue 14)
 *   `@jembatan/domain/messages`  the texts those references name, and `renderTexts`: what the
 *                                calculators here return is `renderTexts` of the lean ones
 */
export * from './shared/domain-error';
export * from './shared/local-date';
export * from './shared/vocabulary';
export * from './money';
export * from './identity';
export * from './eligibility';
export * from './parameters';
export * from './costs';
export * from './financing';
export * from './disclosure';
export * from './opportunities';
export { isTextRef, type Text, type TextArg, type TextRef } from './shared/text';
