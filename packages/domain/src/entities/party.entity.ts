/**
 * Party: an organisation in the program (DOMAIN.md §2) — the city, a Korean county, APJATI, a P3MI,
 * an employer or intermediary, a training provider, a certifier, a bank, a national agency.
 *
 * Invariants (checked by `create`, `update` and `fromSnapshot`):
 * - a P3MI holds an SIP3MI licence number and an SIP2MI recruitment permit number; no other kind
 *   carries them (`PARTY.LICENCE_REQUIRED`, `PARTY.LICENCE_NOT_APPLICABLE`);
 * - an Indonesian local government (CITY_GOVERNMENT) and a P3MI are in Indonesia, a foreign local
 *   government is not (`PARTY.COUNTRY_MISMATCH`);
 * - the kind never changes after creation (MoUs keep a copy of it);
 * - external references name each system at most once (`PARTY.DUPLICATE_REFERENCE`).
 * Names are stored as reported; `nativeName` holds the name in the party's own script when it is
 * confirmed (e.g. Hangul), else `null`.
 */
import { err, errorData, ok, type DomainErrorData, type Result } from '../shared/domain-error';
import {
  checkBoolean,
  checkEnum,
  checkId,
  checkNullableText,
  checkObject,
  checkText,
  cloneData,
  ENTITY_MAX_TEXT_LENGTH,
  FieldChecks,
  keysOf,
  type Path,
  restoreOrThrow,
  takeExternalRefs,
} from './entity-validation';
import { PARTY_KINDS, type PartyKind } from './party-kind';

/** Systems whose identifiers a party may carry (DOMAIN.md §8: records stay there; we keep references). */
export const PARTY_REFERENCE_SYSTEMS = ['SISKOP2MI', 'SIAPKERJA', 'EPS_HRD_KOREA', 'OSS_NIB', 'KEMENDAGRI', 'OTHER'] as const;
export type PartyReferenceSystem = (typeof PARTY_REFERENCE_SYSTEMS)[number];

export interface PartyExternalReference {
  readonly system: PartyReferenceSystem;
  readonly reference: string;
}

/** Licence numbers a P3MI must hold (Permenaker / BP2MI licensing). */
export interface P3miLicence {
  /** SIP3MI: Surat Izin Perusahaan Penempatan Pekerja Migran Indonesia. */
  readonly sip3miNumber: string;
  /** SIP2MI: Surat Izin Perekrutan Pekerja Migran Indonesia (recruitment permit). */
  readonly sip2miNumber: string;
}

export interface PartyRepresentative {
  readonly name: string;
  /** e.g. "President Director", "Wali Kota". */
  readonly title: string;
}

/** Everything a party is; the gateway stores it as is (`externalRefs` as a child table or JSON). */
export interface PartySnapshot {
  readonly id: string;
  readonly kind: PartyKind;
  /** Name as reported (e.g. "Kabupaten Hannam"). */
  readonly name: string;
  /** Short name or acronym (e.g. "APJATI"). */
  readonly shortName: string | null;
  /** Name in the party's own language/script when confirmed (e.g. Korean), else null. */
  readonly nativeName: string | null;
  /** Organisational unit acting for the party (e.g. "Disnakertrans Kota Serang"). */
  readonly unit: string | null;
  /** ISO 3166-1 alpha-2 (e.g. "ID", "KR"). */
  readonly country: string;
  /** Region code in the country's own scheme (Kemendagri "36.73" for Kota Serang), when known. */
  readonly regionCode: string | null;
  readonly licence: P3miLicence | null;
  readonly representative: PartyRepresentative | null;
  readonly externalRefs: readonly PartyExternalReference[];
  /** True for an illustrative party (e.g. a KUR bank placeholder), never a real counterpart. */
  readonly isExample: boolean;
  readonly note: string | null;
}

/** Input of `Party.create`: optional fields default to null / [] / false. */
export interface CreatePartyInput {
  readonly id: string;
  readonly kind: PartyKind;
  readonly name: string;
  readonly shortName?: string | null;
  readonly nativeName?: string | null;
  readonly unit?: string | null;
  readonly country: string;
  readonly regionCode?: string | null;
  readonly licence?: P3miLicence | null;
  readonly representative?: PartyRepresentative | null;
  readonly externalRefs?: readonly PartyExternalReference[];
  readonly isExample?: boolean;
  readonly note?: string | null;
}

/** What `update` may change (not the id, not the kind). */
export type UpdatePartyInput = Partial<Omit<CreatePartyInput, 'id' | 'kind'>>;

const FIELDS = keysOf<CreatePartyInput>()(
  'id',
  'kind',
  'name',
  'shortName',
  'nativeName',
  'unit',
  'country',
  'regionCode',
  'licence',
  'representative',
  'externalRefs',
  'isExample',
  'note'
);

const AREA = 'PARTY';
const COUNTRY_RE = /^[A-Z]{2}$/;
const REGION_RE = /^[A-Za-z0-9][A-Za-z0-9.\-]{0,19}$/;

function takeLicence(v: FieldChecks, o: Record<string, unknown>, base: Path): P3miLicence | null {
  if (o['licence'] !== null && o['licence'] !== undefined) {
    const l = v.take(checkObject(AREA, o['licence'], [...base, 'licence'], ['sip3miNumber', 'sip2miNumber']));
    if (!v.failed) {
      const sip3miNumber = v.take(checkText(AREA, l['sip3miNumber'], [...base, 'licence', 'sip3miNumber'], 100));
      const sip2miNumber = v.take(checkText(AREA, l['sip2miNumber'], [...base, 'licence', 'sip2miNumber'], 100));
      return { sip3miNumber, sip2miNumber };
    }
  }
  return null;
}

function takeRepresentative(v: FieldChecks, o: Record<string, unknown>, base: Path): PartyRepresentative | null {
  if (o['representative'] !== null && o['representative'] !== undefined) {
    const r = v.take(checkObject(AREA, o['representative'], [...base, 'representative'], ['name', 'title']));
    if (!v.failed) {
      return {
        name: v.take(checkText(AREA, r['name'], [...base, 'representative', 'name'])),
        title: v.take(checkText(AREA, r['title'], [...base, 'representative', 'title'])),
      };
    }
  }
  return null;
}

/** The kind's rules: a P3MI has a licence (and only a P3MI), city governments and P3MIs are in Indonesia, foreign local governments are not. */
function kindProblem(kind: PartyKind, licence: P3miLicence | null, country: string, base: Path): DomainErrorData | undefined {
  if (kind === 'P3MI' && licence === null) {
    return (
      errorData(
        `${AREA}.LICENCE_REQUIRED`,
        'P3MI wajib memiliki nomor SIP3MI dan SIP2MI.',
        'A P3MI must hold an SIP3MI licence number and an SIP2MI recruitment permit number.',
        { path: [...base, 'licence'] },
      )
    );
  }
  if (kind !== 'P3MI' && licence !== null) {
    return (
      errorData(
        `${AREA}.LICENCE_NOT_APPLICABLE`,
        'Nomor SIP3MI/SIP2MI hanya untuk P3MI.',
        'SIP3MI/SIP2MI numbers apply to a P3MI only.',
        { path: [...base, 'licence'] },
      )
    );
  }
  if ((kind === 'CITY_GOVERNMENT' || kind === 'P3MI') && country !== 'ID') {
    return (
      errorData(`${AREA}.COUNTRY_MISMATCH`, 'Pihak jenis ini harus berkedudukan di Indonesia.', 'A party of this kind must be in Indonesia.', {
        path: [...base, 'country'],
        details: { kind },
      })
    );
  }
  if (kind === 'FOREIGN_LOCAL_GOVERNMENT' && country === 'ID') {
    return (
      errorData(`${AREA}.COUNTRY_MISMATCH`, 'Pemerintah daerah luar negeri tidak boleh berkedudukan di Indonesia.', 'A foreign local government cannot be in Indonesia.', {
        path: [...base, 'country'],
        details: { kind },
      })
    );
  }
  return undefined;
}

function validateParty(input: unknown, base: Path = []): Result<PartySnapshot> {
  const v = new FieldChecks();
  const o = v.take(checkObject(AREA, input, base, FIELDS));
  if (v.failed) return err(v.error);
  const id = v.take(checkId(AREA, o['id'], [...base, 'id']));
  const kind = v.take(checkEnum(AREA, PARTY_KINDS, o['kind'], [...base, 'kind']));
  const name = v.take(checkText(AREA, o['name'], [...base, 'name']));
  const shortName = v.take(checkNullableText(AREA, o['shortName'], [...base, 'shortName'], 40));
  const nativeName = v.take(checkNullableText(AREA, o['nativeName'], [...base, 'nativeName']));
  const unit = v.take(checkNullableText(AREA, o['unit'], [...base, 'unit']));
  const country = v.take(checkText(AREA, o['country'], [...base, 'country'], 2));
  if (!v.failed && !COUNTRY_RE.test(country)) {
    v.problem(
      errorData(`${AREA}.INVALID_COUNTRY`, 'Kode negara harus ISO 3166-1 alpha-2 (mis. ID, KR).', 'The country must be an ISO 3166-1 alpha-2 code (e.g. ID, KR).', {
        path: [...base, 'country'],
      }),
    );
  }
  const regionCode = v.take(checkNullableText(AREA, o['regionCode'], [...base, 'regionCode'], 20));
  if (!v.failed && regionCode !== null && !REGION_RE.test(regionCode)) {
    v.problem(
      errorData(`${AREA}.INVALID_REGION_CODE`, 'Kode wilayah tidak valid (huruf, angka, titik, tanda hubung).', 'Invalid region code (letters, digits, dots, hyphens).', {
        path: [...base, 'regionCode'],
      }),
    );
  }

  const licence = takeLicence(v, o, base);
  const representative = takeRepresentative(v, o, base);

  const externalRefs: PartyExternalReference[] = takeExternalRefs(v, AREA, PARTY_REFERENCE_SYSTEMS, o['externalRefs'], [...base, 'externalRefs']);
  const isExample = o['isExample'] === undefined ? false : v.take(checkBoolean(AREA, o['isExample'], [...base, 'isExample']));
  const note = v.take(checkNullableText(AREA, o['note'], [...base, 'note'], ENTITY_MAX_TEXT_LENGTH));
  if (v.failed) return err(v.error);

  const problem = kindProblem(kind, licence, country, base);
  if (problem) return err(problem);
  return ok({ id, kind, name, shortName, nativeName, unit, country, regionCode, licence, representative, externalRefs, isExample, note });
}

export class Party {
  private props: PartySnapshot;

  private constructor(props: PartySnapshot) {
    this.props = props;
  }

  /** Create a party; the id is passed in. Business failures: `PARTY.*` codes with the field path. */
  static create(input: CreatePartyInput): Result<Party> {
    const r = validateParty(input);
    return r.ok ? ok(new Party(r.value)) : r;
  }

  /** Rebuild from a stored snapshot; throws `DomainError` (`PARTY.*`) when the record is corrupt. */
  static fromSnapshot(snapshot: PartySnapshot): Party {
    return new Party(restoreOrThrow(validateParty(snapshot)));
  }

  get id(): string {
    return this.props.id;
  }
  get kind(): PartyKind {
    return this.props.kind;
  }
  get name(): string {
    return this.props.name;
  }
  get shortName(): string | null {
    return this.props.shortName;
  }
  get nativeName(): string | null {
    return this.props.nativeName;
  }
  get country(): string {
    return this.props.country;
  }
  get regionCode(): string | null {
    return this.props.regionCode;
  }
  get licence(): P3miLicence | null {
    return this.props.licence ? { ...this.props.licence } : null;
  }
  get isExample(): boolean {
    return this.props.isExample;
  }

  /** The reference this party carries in an external system, if any. */
  referenceIn(system: PartyReferenceSystem): string | undefined {
    return this.props.externalRefs.find((r) => r.system === system)?.reference;
  }

  /** Change details (never the id or kind). All-or-nothing: on failure nothing changes. */
  update(patch: UpdatePartyInput): Result<void> {
    if (typeof patch !== 'object' || patch === null) {
      return err(errorData(`${AREA}.NOT_AN_OBJECT`, 'Data harus berupa objek.', 'The value must be an object.', { path: [] }));
    }
    const p = patch as Record<string, unknown>;
    for (const k of ['id', 'kind']) {
      if (k in p && p[k] !== undefined && p[k] !== (this.props as unknown as Record<string, unknown>)[k]) {
        return err(
          errorData(`${AREA}.IMMUTABLE_FIELD`, 'Id dan jenis pihak tidak dapat diubah.', 'The id and kind of a party cannot change.', {
            path: [k],
          }),
        );
      }
    }
    const merged: Record<string, unknown> = { ...cloneData(this.props) };
    for (const [k, val] of Object.entries(p)) if (val !== undefined) merged[k] = val;
    const r = validateParty(merged);
    if (!r.ok) return r;
    this.props = r.value;
    return ok(undefined);
  }

  toSnapshot(): PartySnapshot {
    return cloneData(this.props);
  }
}
