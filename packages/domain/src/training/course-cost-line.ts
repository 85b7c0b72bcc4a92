/**
 * A course's fee as a cost line of the placement estimate (costs/estimate-costs.ts).
 *
 * - A KOREAN_LANGUAGE course gives the line `koreanCourse`: the standard line that the estimate
 *   otherwise fills from the market parameter `fee.koreanCourseIdr`, and the line the "city pays the
 *   Korean course" overlay (`CITY_PAYS_KOREAN_COURSE`, costs/cost-policy-overlays.ts) matches by id.
 *   `use: 'REPLACES_STANDARD_LINE'`: the course's actual fee replaces the parameter's amount.
 * - Any other course gives an additional line `course<hex of the course id>` in category
 *   JOB_TRAINING (`use: 'ADDITIONAL_LINE'`): it can be passed to `estimateCosts` in
 *   `additionalLines` as it is, and the APJATI training overlay (category JOB_TRAINING) applies to it.
 * Who pays is never decided here: the estimate's cost policies decide it.
 *
 * `koreanCourseFee(course)` gives the `koreanCourse` input of `estimateCosts` for a Korean course:
 * the course's fee becomes the estimate's (and so the financing's) course cost line.
 */
import type { Messages } from '../shared/domain-error';
import { invalid } from '../shared/domain-error';
import type { AdditionalCostLine, KoreanCourseFee } from '../costs/estimate-costs';
import type { CostLineSource } from '../costs/cost-line';
import { COST_LINE_LABELS } from '../costs/cost-line-sets';
import type { Course, CourseSnapshot } from './course.entity';

export interface CourseCostLine extends AdditionalCostLine {
  readonly use: 'REPLACES_STANDARD_LINE' | 'ADDITIONAL_LINE';
  readonly source: CostLineSource;
}

/** The cost line id of a course: `koreanCourse` for a Korean course, else `course` + the id's hex digits. */
export function courseCostLineId(course: Pick<CourseSnapshot, 'id' | 'kind'>): string {
  return course.kind === 'KOREAN_LANGUAGE' ? 'koreanCourse' : `course${course.id.replace(/-/g, '')}`;
}

/** The course's fee as an estimate line (category JOB_TRAINING, paid before departure). */
export function courseCostLine(course: Course | CourseSnapshot): CourseCostLine {
  const c: CourseSnapshot = 'toSnapshot' in course ? course.toSnapshot() : course;
  const korean = c.kind === 'KOREAN_LANGUAGE';
  const base: Messages = korean ? COST_LINE_LABELS.koreanCourse : { id: 'Kursus pelatihan', en: 'Training course' };
  const statedBy = `course ${c.id} (provider ${c.provider.partyId})`;
  return {
    id: courseCostLineId(c),
    category: 'JOB_TRAINING',
    label: { id: `${base.id}: ${c.title.id}`, en: `${base.en}: ${c.title.en}` },
    amount: c.fee,
    timing: 'BEFORE_DEPARTURE',
    statedBy,
    use: korean ? 'REPLACES_STANDARD_LINE' : 'ADDITIONAL_LINE',
    source: { parameters: [], input: `course.${c.id}.fee`, statedBy },
  };
}

/** The plain `additionalLines` entry of a non-Korean course's line (drops the training-only fields). */
export function asAdditionalCostLine(line: CourseCostLine): AdditionalCostLine {
  const { use: _use, source: _source, ...rest } = line;
  return rest;
}

/**
 * The `koreanCourse` input of `estimateCosts` for a KOREAN_LANGUAGE course: its fee replaces the
 * market parameter on the line `koreanCourse` (the overlay CITY_PAYS_KOREAN_COURSE applies to it).
 * Throws `TRAINING.NOT_A_KOREAN_COURSE` for another kind (use `courseCostLine` + `asAdditionalCostLine`).
 */
export function koreanCourseFee(course: Course | CourseSnapshot): KoreanCourseFee {
  const line = courseCostLine(course);
  if (line.use !== 'REPLACES_STANDARD_LINE') {
    invalid('TRAINING.NOT_A_KOREAN_COURSE', 'Hanya kursus bahasa Korea yang menggantikan baris kursus bahasa Korea.', 'Only a Korean language course replaces the Korean course line.', {
      path: ['course', 'kind'],
    });
  }
  return { amount: line.amount, statedBy: line.statedBy, label: line.label };
}
