/**
 * Training (issue 10): courses, cohorts with enrolment, waitlist, attendance and assessments,
 * readiness for the official Korean test, the plan to a placement target, and the course fee as a
 * cost line. Pure: no I/O, no clock, no randomness; every figure is a parameter or an input.
 */
export * from './training-vocabulary';
export * from './training.errors';
export * from './attendance-share';
export * from './korean-scales';
export * from './course-target';
export * from './course.entity';
export * from './cohort-status';
export * from './cohort-snapshot';
export * from './cohort.entity';
export * from './enrolment-rules';
export * from './readiness';
export * from './training-plan';
export * from './course-cost-line';
