/** Builders shared by the training tests (not part of the package API). */
import { unwrap } from '../../shared/domain-error';
import { parameterSnapshot, type ParameterSnapshot } from '../../parameters';
import { money } from '../../money';
import { Party } from '../../entities/party.entity';
import { Course, type CreateCourseInput } from '../course.entity';
import { Cohort, type CreateCohortInput } from '../cohort.entity';

export function uid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}
export const ACTOR = 'officer-1';
export const params: ParameterSnapshot = parameterSnapshot('2026-12-02');

export function provider(): Party {
  return unwrap(Party.create({ id: uid(10), kind: 'TRAINING_PROVIDER', name: 'LPK Kampung Bahasa Serang', country: 'ID' }));
}

export function koreanCourseInput(over: Partial<CreateCourseInput> = {}): CreateCourseInput {
  return {
    id: uid(20),
    title: { id: 'Bahasa Korea EPS-TOPIK', en: 'Korean for EPS-TOPIK' },
    kind: 'KOREAN_LANGUAGE',
    provider: provider(),
    providerType: 'LPK',
    licence: { number: 'LPK/36.73/001', validFrom: '2025-01-01', validUntil: '2027-12-31' },
    target: { kind: 'EPS_TOPIK', score: 120 },
    hours: 100,
    fee: money(3_000_000, 'IDR'),
    attendanceRule: { requiredShare: '4/5', excused: 'EXCLUDED', statedBy: 'LPK regulation 2026, art. 4' },
    hasFinalAssessment: false,
    ...over,
  };
}

export function koreanCourse(over: Partial<CreateCourseInput> = {}): Course {
  return unwrap(Course.create(koreanCourseInput(over), params));
}

/** Sessions every weekday-ish: n sessions from 2027-01-04, one a day. */
export function sessions(n: number): { date: string }[] {
  return Array.from({ length: n }, (_, i) => ({ date: `2027-01-${String(4 + i).padStart(2, '0')}` }));
}

export function cohortInput(over: Partial<CreateCohortInput> = {}): CreateCohortInput {
  return {
    id: uid(30),
    course: koreanCourse(),
    venue: { kind: 'KAMPUNG_BAHASA', name: 'Kampung Bahasa Walantaka', kecamatan: 'Walantaka', kelurahan: 'Walantaka' },
    capacity: 2,
    startDate: '2027-01-04',
    endDate: '2027-01-31',
    promotionWindowDays: 7,
    sessions: sessions(5),
    at: '2026-12-01T09:00:00+07:00',
    actor: ACTOR,
    ...over,
  };
}

export function cohort(over: Partial<CreateCohortInput> = {}): Cohort {
  return unwrap(Cohort.create(cohortInput(over)));
}

export const at = (day: string, time = '09:00') => ({ at: `${day}T${time}:00+07:00`, actor: ACTOR });
