/**
 * Document rules: UU 18/2017 Pasal 13 (a)–(h) and the supporting cards (KTP, KK, SKCK, AK/1).
 *
 * For each kind, the best record is judged (OK > not yet verified > expires too soon > expired >
 * expiry date unknown; ties go to the later expiry). Every `missing` judgement ranks below every
 * `fail`, so adding information (e.g. a planned departure) never turns a pass into `missing`:
 * - no record → `missing` (obtain it);
 * - expired on the as-of date → fixable `fail` (renew);
 * - valid today but not on the date it is needed → fixable `fail` (renew before that date). The date
 *   needed is the planned departure (or the as-of date when none is set or it has passed); for the
 *   passport it is the planned departure plus `passportMarginMonths` (an input, default 0: DOMAIN.md
 *   gives no margin). Expiry dates are inclusive (a document is valid on its expiry date);
 * - a passport without an expiry date → `missing` (enter it); other documents may have none;
 * - not verified by an officer → fixable `fail` (bring the original for verification).
 */
import { addMonths, compareDates, type IsoDate } from '../../shared/local-date';
import type { DocumentKind, DocumentRecord } from '../candidate-profile';
import type { EligibilityRule, RuleContext, RuleOutcome } from '../rule';
import { action, fixableFail, missing, passed } from '../rule-outcome';
import { textRef, type Text } from '../../shared/text';

interface DocumentSpec {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly clause: string;
  readonly label: Text;
  /** How to obtain it (the action when it is missing). */
  readonly obtain: Text;
  readonly requiresExpiry?: boolean;
  readonly isPassport?: boolean;
}

type Judgement =
  | { readonly status: 'OK' | 'NOT_VERIFIED' | 'EXPIRY_MISSING'; readonly record: DocumentRecord }
  | { readonly status: 'EXPIRES_TOO_SOON' | 'EXPIRED'; readonly record: DocumentRecord; readonly expiresOn: IsoDate };

const RANK = { OK: 0, NOT_VERIFIED: 1, EXPIRES_TOO_SOON: 2, EXPIRED: 3, EXPIRY_MISSING: 4 } as const;

/** The date on which the document must still be valid. */
export function documentNeededOn(ctx: RuleContext, isPassport: boolean): IsoDate {
  const departure = ctx.plannedDeparture !== undefined && compareDates(ctx.plannedDeparture, ctx.asOf) > 0 ? ctx.plannedDeparture : ctx.asOf;
  return isPassport ? addMonths(departure, ctx.passportMarginMonths) : departure;
}

function judge(record: DocumentRecord, spec: DocumentSpec, ctx: RuleContext, neededOn: IsoDate): Judgement {
  const e = record.expiresOn;
  if (e !== undefined && compareDates(e, ctx.asOf) < 0) return { status: 'EXPIRED', record, expiresOn: e };
  if (e !== undefined && compareDates(e, neededOn) < 0) return { status: 'EXPIRES_TOO_SOON', record, expiresOn: e };
  if (e === undefined && spec.requiresExpiry) return { status: 'EXPIRY_MISSING', record };
  if (record.verified !== true) return { status: 'NOT_VERIFIED', record };
  return { status: 'OK', record };
}

function better(a: Judgement, b: Judgement): boolean {
  if (RANK[a.status] !== RANK[b.status]) return RANK[a.status] < RANK[b.status];
  const ea = a.record.expiresOn ?? '9999-12-31';
  const eb = b.record.expiresOn ?? '9999-12-31';
  return compareDates(ea, eb) > 0;
}

function evaluateDocument(spec: DocumentSpec, ctx: RuleContext): RuleOutcome<Text> {
  const records = (ctx.profile.documents ?? []).filter((d) => d.kind === spec.kind);
  const details = { kind: spec.kind };
  const { label } = spec;
  if (records.length === 0) {
    return missing('DOCUMENT.MISSING', textRef('DOCUMENT.MISSING', label), action('OBTAIN', spec.obtain), details);
  }
  const neededOn = documentNeededOn(ctx, spec.isPassport === true);
  let best: Judgement | undefined;
  for (const r of records) {
    const j = judge(r, spec, ctx, neededOn);
    if (best === undefined || better(j, best)) best = j;
  }
  const j = best!;
  switch (j.status) {
    case 'EXPIRED':
      return fixableFail(
        'DOCUMENT.EXPIRED',
        textRef('DOCUMENT.EXPIRED', label, j.expiresOn),
        action('RENEW', textRef('DOCUMENT.EXPIRED.action', label, j.expiresOn)),
        { ...details, expiresOn: j.expiresOn },
      );
    case 'EXPIRES_TOO_SOON': {
      const why: Text =
        spec.isPassport && ctx.passportMarginMonths > 0
          ? textRef('DOCUMENT.EXPIRES_TOO_SOON.withMargin', neededOn, ctx.passportMarginMonths)
          : textRef('DOCUMENT.EXPIRES_TOO_SOON.atDeparture', neededOn);
      return fixableFail(
        'DOCUMENT.EXPIRES_TOO_SOON',
        textRef('DOCUMENT.EXPIRES_TOO_SOON', label, j.expiresOn, why),
        action('RENEW', textRef('DOCUMENT.EXPIRES_TOO_SOON.action', label, neededOn, j.expiresOn), { dueBy: neededOn }),
        { ...details, expiresOn: j.expiresOn, neededOn },
      );
    }
    case 'EXPIRY_MISSING':
      return missing(
        'DOCUMENT.EXPIRY_MISSING',
        textRef('DOCUMENT.EXPIRY_MISSING', label),
        action('PROVIDE', textRef('DOCUMENT.EXPIRY_MISSING.action', label)),
        details,
      );
    case 'NOT_VERIFIED':
      return fixableFail(
        'DOCUMENT.NOT_VERIFIED',
        textRef('DOCUMENT.NOT_VERIFIED', label),
        action('VERIFY', textRef('DOCUMENT.NOT_VERIFIED.action', label)),
        details,
      );
    default:
      return passed('DOCUMENT.OK', textRef('DOCUMENT.OK', label), details);
  }
}

function documentRule(spec: DocumentSpec & { readonly title: Text }): EligibilityRule<Text> {
  const inputs = ['documents', ...(spec.isPassport ? ['plannedDeparture', 'opening.plannedDeparture'] : ['plannedDeparture'])];
  return { id: spec.id, clause: spec.clause, title: spec.title, inputs, parameters: [], evaluate: (ctx) => evaluateDocument(spec, ctx) };
}

export const maritalStatusDocumentRule = documentRule({
  id: 'docs.maritalStatus',
  kind: 'MARITAL_STATUS_CERTIFICATE',
  clause: 'UU-18-2017/13a',
  title: textRef('docs.maritalStatus.title'),
  label: textRef('docs.maritalStatus.label'),
  obtain: textRef('docs.maritalStatus.obtain'),
});

export const competencyCertificateDocumentRule = documentRule({
  id: 'docs.competencyCertificate',
  kind: 'COMPETENCY_CERTIFICATE',
  clause: 'UU-18-2017/13c',
  title: textRef('docs.competencyCertificate.title'),
  label: textRef('docs.competencyCertificate.label'),
  obtain: textRef('docs.competencyCertificate.obtain'),
});

export const medicalCertificateDocumentRule = documentRule({
  id: 'docs.medicalCertificate',
  kind: 'MEDICAL_PSYCHOLOGICAL_CERTIFICATE',
  clause: 'UU-18-2017/13d',
  title: textRef('docs.medicalCertificate.title'),
  label: textRef('docs.medicalCertificate.label'),
  obtain: textRef('docs.medicalCertificate.obtain'),
});

export const passportDocumentRule = documentRule({
  id: 'docs.passport',
  kind: 'PASSPORT',
  clause: 'UU-18-2017/13e',
  title: textRef('docs.passport.title'),
  label: textRef('docs.passport.label'),
  obtain: textRef('docs.passport.obtain'),
  requiresExpiry: true,
  isPassport: true,
});

export const workVisaDocumentRule = documentRule({
  id: 'docs.workVisa',
  kind: 'WORK_VISA',
  clause: 'UU-18-2017/13f',
  title: textRef('docs.workVisa.title'),
  label: textRef('docs.workVisa.label'),
  obtain: textRef('docs.workVisa.obtain'),
});

export const placementAgreementDocumentRule = documentRule({
  id: 'docs.placementAgreement',
  kind: 'PLACEMENT_AGREEMENT',
  clause: 'UU-18-2017/13g',
  title: textRef('docs.placementAgreement.title'),
  label: textRef('docs.placementAgreement.label'),
  obtain: textRef('docs.placementAgreement.obtain'),
});

export const employmentContractDocumentRule = documentRule({
  id: 'docs.employmentContract',
  kind: 'EMPLOYMENT_CONTRACT',
  clause: 'UU-18-2017/13h',
  title: textRef('docs.employmentContract.title'),
  label: textRef('docs.employmentContract.label'),
  obtain: textRef('docs.employmentContract.obtain'),
});

export const ktpDocumentRule = documentRule({
  id: 'docs.ktp',
  kind: 'KTP',
  clause: 'ADMINDUK/KTP',
  title: textRef('docs.ktp.title'),
  label: textRef('docs.ktp.label'),
  obtain: textRef('docs.ktp.obtain'),
});

export const kkDocumentRule = documentRule({
  id: 'docs.kk',
  kind: 'KK',
  clause: 'ADMINDUK/KK',
  title: textRef('docs.kk.title'),
  label: textRef('docs.kk.label'),
  obtain: textRef('docs.kk.obtain'),
});

export const skckDocumentRule = documentRule({
  id: 'docs.skck',
  kind: 'SKCK',
  clause: 'PERBAN-BP2MI-9-2020/SKCK',
  title: textRef('docs.skck.title'),
  label: textRef('docs.skck.label'),
  obtain: textRef('docs.skck.obtain'),
});

export const ak1DocumentRule = documentRule({
  id: 'docs.ak1',
  kind: 'AK1_CARD',
  clause: 'DISNAKER/AK1',
  title: textRef('docs.ak1.title'),
  label: textRef('docs.ak1.label'),
  obtain: textRef('docs.ak1.obtain'),
});
