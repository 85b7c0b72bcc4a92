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
import type { Messages } from '../../shared/domain-error';
import { addMonths, compareDates, type IsoDate } from '../../shared/local-date';
import type { DocumentKind, DocumentRecord } from '../candidate-profile';
import type { EligibilityRule, RuleContext, RuleOutcome } from '../rule';
import { action, fixableFail, missing, passed } from '../rule-outcome';

interface DocumentSpec {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly clause: string;
  readonly label: Messages;
  /** How to obtain it (the action when it is missing). */
  readonly obtain: Messages;
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

function evaluateDocument(spec: DocumentSpec, ctx: RuleContext): RuleOutcome {
  const records = (ctx.profile.documents ?? []).filter((d) => d.kind === spec.kind);
  const details = { kind: spec.kind };
  const { label } = spec;
  if (records.length === 0) {
    return missing('DOCUMENT.MISSING', `${label.id} belum ada.`, `No ${label.en} yet.`, action('OBTAIN', spec.obtain.id, spec.obtain.en), details);
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
        `${label.id} sudah kedaluwarsa pada ${j.expiresOn}.`,
        `The ${label.en} expired on ${j.expiresOn}.`,
        action('RENEW', `Perpanjang ${label.id}: masa berlakunya habis pada ${j.expiresOn}.`, `Renew your ${label.en}: it expired on ${j.expiresOn}.`),
        { ...details, expiresOn: j.expiresOn },
      );
    case 'EXPIRES_TOO_SOON': {
      const why: Messages =
        spec.isPassport && ctx.passportMarginMonths > 0
          ? {
              id: `harus berlaku sampai ${neededOn} (keberangkatan + ${ctx.passportMarginMonths} bulan)`,
              en: `it must be valid until ${neededOn} (departure + ${ctx.passportMarginMonths} months)`,
            }
          : { id: `harus berlaku pada keberangkatan ${neededOn}`, en: `it must be valid at departure on ${neededOn}` };
      return fixableFail(
        'DOCUMENT.EXPIRES_TOO_SOON',
        `${label.id} habis berlaku pada ${j.expiresOn}; ${why.id}.`,
        `The ${label.en} expires on ${j.expiresOn}; ${why.en}.`,
        action(
          'RENEW',
          `Perpanjang ${label.id} sebelum ${neededOn}: masa berlakunya habis pada ${j.expiresOn}.`,
          `Renew your ${label.en} before ${neededOn}: it expires on ${j.expiresOn}.`,
          { dueBy: neededOn },
        ),
        { ...details, expiresOn: j.expiresOn, neededOn },
      );
    }
    case 'EXPIRY_MISSING':
      return missing(
        'DOCUMENT.EXPIRY_MISSING',
        `Tanggal habis berlaku ${label.id} belum diisi.`,
        `The expiry date of the ${label.en} has not been entered.`,
        action('PROVIDE', `Isi tanggal habis berlaku ${label.id}.`, `Enter the expiry date of your ${label.en}.`),
        details,
      );
    case 'NOT_VERIFIED':
      return fixableFail(
        'DOCUMENT.NOT_VERIFIED',
        `${label.id} belum diverifikasi petugas.`,
        `The ${label.en} has not been verified by an officer.`,
        action(
          'VERIFY',
          `Bawa ${label.id} asli ke Disnakertrans Kota Serang (LTSA) untuk diverifikasi.`,
          `Bring the original ${label.en} to Disnakertrans Kota Serang (one-stop service) for verification.`,
        ),
        details,
      );
    default:
      return passed('DOCUMENT.OK', `${label.id} lengkap, berlaku dan terverifikasi.`, `The ${label.en} is present, valid and verified.`, details);
  }
}

function documentRule(spec: DocumentSpec & { readonly title: Messages }): EligibilityRule {
  const inputs = ['documents', ...(spec.isPassport ? ['plannedDeparture', 'opening.plannedDeparture'] : ['plannedDeparture'])];
  return { id: spec.id, clause: spec.clause, title: spec.title, inputs, parameters: [], evaluate: (ctx) => evaluateDocument(spec, ctx) };
}

export const maritalStatusDocumentRule = documentRule({
  id: 'docs.maritalStatus',
  kind: 'MARITAL_STATUS_CERTIFICATE',
  clause: 'UU-18-2017/13a',
  title: { id: 'Surat keterangan status perkawinan (Pasal 13a)', en: 'Marital-status certificate (Article 13a)' },
  label: { id: 'Surat keterangan status perkawinan', en: 'marital-status certificate' },
  obtain: {
    id: 'Minta surat keterangan status perkawinan di kelurahan/desa (yang sudah menikah: lampirkan fotokopi buku nikah).',
    en: 'Ask the kelurahan/village office for a marital-status certificate (if married, attach a copy of the marriage book).',
  },
});

export const competencyCertificateDocumentRule = documentRule({
  id: 'docs.competencyCertificate',
  kind: 'COMPETENCY_CERTIFICATE',
  clause: 'UU-18-2017/13c',
  title: { id: 'Sertifikat kompetensi kerja (Pasal 13c)', en: 'Competency certificate (Article 13c)' },
  label: { id: 'Sertifikat kompetensi kerja', en: 'competency certificate' },
  obtain: {
    id: 'Unggah sertifikat kompetensi kerja dari lembaga sertifikasi (LSP/BNSP atau KOSHIPA).',
    en: 'Upload the competency certificate from the certifying body (LSP/BNSP or KOSHIPA).',
  },
});

export const medicalCertificateDocumentRule = documentRule({
  id: 'docs.medicalCertificate',
  kind: 'MEDICAL_PSYCHOLOGICAL_CERTIFICATE',
  clause: 'UU-18-2017/13d',
  title: { id: 'Surat keterangan sehat dan psikologi (Pasal 13d)', en: 'Medical and psychological certificate (Article 13d)' },
  label: { id: 'Surat keterangan sehat dan psikologi', en: 'medical and psychological certificate' },
  obtain: {
    id: 'Jalani pemeriksaan kesehatan dan psikologi di sarana kesehatan yang ditunjuk dan minta suratnya.',
    en: 'Have the medical and psychological check-up at a designated clinic and get the certificate.',
  },
});

export const passportDocumentRule = documentRule({
  id: 'docs.passport',
  kind: 'PASSPORT',
  clause: 'UU-18-2017/13e',
  title: { id: 'Paspor berlaku (Pasal 13e)', en: 'Valid passport (Article 13e)' },
  label: { id: 'Paspor', en: 'passport' },
  obtain: { id: 'Ajukan paspor di kantor imigrasi setempat.', en: 'Apply for a passport at the local immigration office.' },
  requiresExpiry: true,
  isPassport: true,
});

export const workVisaDocumentRule = documentRule({
  id: 'docs.workVisa',
  kind: 'WORK_VISA',
  clause: 'UU-18-2017/13f',
  title: { id: 'Visa kerja (Pasal 13f)', en: 'Work visa (Article 13f)' },
  label: { id: 'Visa kerja', en: 'work visa' },
  obtain: {
    id: 'Visa kerja diurus setelah perjanjian kerja ditandatangani; siapkan berkasnya bersama pelaksana penempatan.',
    en: 'The work visa is applied for after the employment contract is signed; prepare the file with the placement executor.',
  },
});

export const placementAgreementDocumentRule = documentRule({
  id: 'docs.placementAgreement',
  kind: 'PLACEMENT_AGREEMENT',
  clause: 'UU-18-2017/13g',
  title: { id: 'Perjanjian penempatan (Pasal 13g)', en: 'Placement agreement (Article 13g)' },
  label: { id: 'Perjanjian penempatan PMI', en: 'placement agreement' },
  obtain: {
    id: 'Tandatangani perjanjian penempatan dengan pelaksana penempatan dan minta legalisasi Disnakertrans.',
    en: 'Sign the placement agreement with the placement executor and have it legalised by Disnakertrans.',
  },
});

export const employmentContractDocumentRule = documentRule({
  id: 'docs.employmentContract',
  kind: 'EMPLOYMENT_CONTRACT',
  clause: 'UU-18-2017/13h',
  title: { id: 'Perjanjian kerja (Pasal 13h)', en: 'Employment contract (Article 13h)' },
  label: { id: 'Perjanjian kerja', en: 'employment contract' },
  obtain: {
    id: 'Perjanjian kerja ditandatangani dengan pemberi kerja setelah terpilih; simpan salinannya.',
    en: 'The employment contract is signed with the employer after selection; keep a copy.',
  },
});

export const ktpDocumentRule = documentRule({
  id: 'docs.ktp',
  kind: 'KTP',
  clause: 'ADMINDUK/KTP',
  title: { id: 'KTP', en: 'Identity card (KTP)' },
  label: { id: 'KTP', en: 'identity card (KTP)' },
  obtain: { id: 'Unggah KTP elektronik Anda (atau urus di Disdukcapil).', en: 'Upload your electronic KTP (or apply at Disdukcapil).' },
});

export const kkDocumentRule = documentRule({
  id: 'docs.kk',
  kind: 'KK',
  clause: 'ADMINDUK/KK',
  title: { id: 'Kartu keluarga (KK)', en: 'Family card (KK)' },
  label: { id: 'Kartu keluarga (KK)', en: 'family card (KK)' },
  obtain: { id: 'Unggah kartu keluarga (KK).', en: 'Upload your family card (KK).' },
});

export const skckDocumentRule = documentRule({
  id: 'docs.skck',
  kind: 'SKCK',
  clause: 'PERBAN-BP2MI-9-2020/SKCK',
  title: { id: 'SKCK (surat keterangan catatan kepolisian)', en: 'Police certificate (SKCK)' },
  label: { id: 'SKCK', en: 'police certificate (SKCK)' },
  obtain: { id: 'Ajukan SKCK di kantor polisi (Polres) setempat.', en: 'Apply for an SKCK at the local police office (Polres).' },
});

export const ak1DocumentRule = documentRule({
  id: 'docs.ak1',
  kind: 'AK1_CARD',
  clause: 'DISNAKER/AK1',
  title: { id: 'Kartu pencari kerja (AK/1)', en: 'Job-seeker card (AK/1)' },
  label: { id: 'Kartu AK/1', en: 'AK/1 job-seeker card' },
  obtain: {
    id: 'Daftar sebagai pencari kerja dan dapatkan kartu AK/1 di Disnakertrans Kota Serang atau SIAPkerja.',
    en: 'Register as a job seeker and get the AK/1 card at Disnakertrans Kota Serang or on SIAPkerja.',
  },
});
