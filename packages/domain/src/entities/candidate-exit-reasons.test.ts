import fc from 'fast-check';
import { unwrap, type Result } from '../shared/domain-error';
import type { CandidateProfile, DocumentKind, DocumentRecord } from '../eligibility/candidate-profile';
import { Candidate, checkExitReason, type CandidateSnapshot } from './candidate.entity';
import { CANDIDATE_STAGES } from './candidate-stage';
import {
  CANDIDATE_EXIT_REASON_LABELS,
  CANDIDATE_EXIT_REASONS,
  CANDIDATE_REJECTION_REASONS,
  CANDIDATE_WITHDRAWAL_REASONS,
  type CandidateExitReason,
} from './candidate-exit-reasons';
import { ACTOR, uid } from './__tests__/fixtures';

const failure = (r: Result<unknown>) => (r.ok ? undefined : { code: r.error.code, path: r.error.path });
const doc = (kind: DocumentKind): DocumentRecord => ({ kind, issuedOn: '2026-03-01', verified: true });
const profile = (): CandidateProfile => ({
  nik: '3673011506950001',
  declaredBirthDate: '1995-06-15',
  declaredSex: 'M',
  address: { kecamatan: 'Kasemen', city: 'Kota Serang', source: 'KTP' },
  education: 'SLTA',
  koreaHistory: { deported: false, entryBanned: false, priorMonthsE9: 0, priorMonthsE10: 0 },
  documents: [doc('KTP'), doc('AK1_CARD')],
});
const register = () => unwrap(Candidate.register({ id: uid(901), profile: profile(), at: '2026-03-02T08:00:00+07:00', actor: ACTOR }));
const AT = '2026-03-05T09:00:00+07:00';

describe('exit reason vocabulary', () => {
  it('every code has a label in both languages, each kind ends with OTHER, and the union has no duplicates', () => {
    for (const r of CANDIDATE_EXIT_REASONS) {
      expect(CANDIDATE_EXIT_REASON_LABELS[r].id.length).toBeGreaterThan(0);
      expect(CANDIDATE_EXIT_REASON_LABELS[r].en.length).toBeGreaterThan(0);
    }
    expect(Object.keys(CANDIDATE_EXIT_REASON_LABELS).sort()).toEqual([...CANDIDATE_EXIT_REASONS].sort());
    expect(new Set(CANDIDATE_EXIT_REASONS).size).toBe(CANDIDATE_EXIT_REASONS.length);
    expect(CANDIDATE_WITHDRAWAL_REASONS).toContain('OTHER');
    expect(CANDIDATE_REJECTION_REASONS).toContain('OTHER');
  });
});

describe('Candidate: exit with a reason code', () => {
  it('records a withdrawal code without a note, and keeps it in the history and the snapshot', () => {
    const c = register();
    unwrap(c.withdraw({ at: AT, actor: ACTOR, reason: 'OTHER_JOB' }));
    const last = c.history[c.history.length - 1]!;
    expect([last.to, last.reason, last.note]).toEqual(['WITHDRAWN', 'OTHER_JOB', null]);
    expect(c.history[0]!.reason).toBeNull();
    const again = Candidate.fromSnapshot(c.toSnapshot());
    expect(again.toSnapshot()).toEqual(c.toSnapshot());
  });

  it('records a rejection code with a note', () => {
    const c = register();
    unwrap(c.reject({ at: AT, actor: ACTOR, reason: 'MEDICAL_UNFIT', note: 'buta warna' }));
    expect(c.history[1]).toMatchObject({ to: 'REJECTED', reason: 'MEDICAL_UNFIT', note: 'buta warna' });
  });

  it('still accepts a note alone (callers from before the codes), with reason null', () => {
    const c = register();
    unwrap(c.withdraw({ at: AT, actor: ACTOR, note: 'alasan keluarga' }));
    expect(c.history[1]!.reason).toBeNull();
  });

  it('needs the note with OTHER, and with no code at all', () => {
    for (const input of [{ reason: 'OTHER' as const }, { reason: 'OTHER' as const, note: '   ' }, {}]) {
      const c = register();
      expect(failure(c.withdraw({ at: AT, actor: ACTOR, ...input }))).toEqual({ code: 'CANDIDATE.NOTE_REQUIRED', path: ['note'] });
      expect(failure(c.reject({ at: AT, actor: ACTOR, ...input }))).toEqual({ code: 'CANDIDATE.NOTE_REQUIRED', path: ['note'] });
      expect(c.stage).toBe('REGISTERED');
    }
    const c = register();
    unwrap(c.reject({ at: AT, actor: ACTOR, reason: 'OTHER', note: 'pindah domisili' }));
    expect(c.history[1]).toMatchObject({ reason: 'OTHER', note: 'pindah domisili' });
  });

  it('refuses an unknown code, a withdrawal code on a rejection (and the reverse), and a code on any other stage, changing nothing', () => {
    const c = register();
    const before = c.toSnapshot();
    const bad = (r: Result<unknown>) => failure(r);
    expect(bad(c.withdraw({ at: AT, actor: ACTOR, reason: 'BORED' as CandidateExitReason, note: 'x' }))).toEqual({ code: 'CANDIDATE.EXIT_REASON_UNKNOWN', path: ['reason'] });
    expect(bad(c.withdraw({ at: AT, actor: ACTOR, reason: 42 as unknown as CandidateExitReason, note: 'x' }))).toEqual({ code: 'CANDIDATE.EXIT_REASON_UNKNOWN', path: ['reason'] });
    expect(bad(c.reject({ at: AT, actor: ACTOR, reason: 'OTHER_JOB', note: 'x' }))).toEqual({ code: 'CANDIDATE.EXIT_REASON_MISMATCH', path: ['reason'] });
    expect(bad(c.withdraw({ at: AT, actor: ACTOR, reason: 'TEST_FAILED', note: 'x' }))).toEqual({ code: 'CANDIDATE.EXIT_REASON_MISMATCH', path: ['reason'] });
    expect(bad(c.checkAdvance('SELECTED', { at: AT, actor: ACTOR, reason: 'PERSONAL' }))).toEqual({ code: 'CANDIDATE.EXIT_REASON_NOT_APPLICABLE', path: ['reason'] });
    expect(c.toSnapshot()).toEqual(before);
    const mismatch = c.reject({ at: AT, actor: ACTOR, reason: 'COST' });
    expect(mismatch.ok ? undefined : mismatch.error.details).toMatchObject({ stage: 'REJECTED', reason: 'COST' });
  });

  it('reads a stored entry without a reason as null, and refuses a stored reason that does not fit its entry', () => {
    const c = register();
    unwrap(c.withdraw({ at: AT, actor: ACTOR, reason: 'COST' }));
    const snap = c.toSnapshot();
    const legacy = { ...snap, history: snap.history.map(({ reason: _r, ...rest }) => rest) } as unknown as CandidateSnapshot;
    expect(Candidate.fromSnapshot(legacy).history.map((h) => h.reason)).toEqual([null, null]);
    const wrongKind = { ...snap, history: [snap.history[0]!, { ...snap.history[1]!, reason: 'TEST_FAILED' }] } as CandidateSnapshot;
    expect(() => Candidate.fromSnapshot(wrongKind)).toThrow(expect.objectContaining({ code: 'CANDIDATE.EXIT_REASON_MISMATCH', path: ['history', '1', 'reason'] }));
    const onRegistration = { ...snap, history: [{ ...snap.history[0]!, reason: 'COST' }, snap.history[1]!] } as CandidateSnapshot;
    expect(() => Candidate.fromSnapshot(onRegistration)).toThrow(expect.objectContaining({ code: 'CANDIDATE.EXIT_REASON_NOT_APPLICABLE' }));
  });

  it('property: a code is accepted exactly for a stage whose list holds it', () => {
    const anyCode = fc.oneof(fc.constantFrom(...CANDIDATE_EXIT_REASONS), fc.string({ maxLength: 20 }));
    fc.assert(
      fc.property(fc.constantFrom(...CANDIDATE_STAGES), anyCode, (stage, reason) => {
        const r = checkExitReason(stage, reason);
        const expected =
          (stage === 'WITHDRAWN' && (CANDIDATE_WITHDRAWAL_REASONS as readonly string[]).includes(reason)) ||
          (stage === 'REJECTED' && (CANDIDATE_REJECTION_REASONS as readonly string[]).includes(reason));
        expect(r.ok).toBe(expected);
        if (r.ok) expect(r.value).toBe(reason);
        else expect(r.error.path).toEqual(['reason']);
      }),
    );
  });
});
