/**
 * The seed program: the parties, MoUs and positions of Kota Serang's overseas-placement program as
 * announced by the city on 10 Dec 2025 (DOMAIN.md §1–§2), as plain data with fixed ids. The gateway
 * loads it once; `buildSeedProgram` (build-seed-program.ts) turns it into entities through their
 * factories, so the fixture can never hold a record the domain would refuse.
 *
 * What is reported and what is assumed:
 * - Reported: the APJATI MoU signed on 2025-12-08; exploration ("penjajakan") of MoUs with two Korean
 *   county governments, reported as Kabupaten Hannam and Kabupaten Yongnam, building on the APJATI
 *   MoU; PT One Asia (president director Ha Jeong Ho) as the Korean-side partner; at least 1,000
 *   positions for welders, painters, electricians "and others", Korean language as the main requirement.
 * - Assumed (see `SEED_ASSUMPTIONS`): the split of the 1,000 positions between trades (400/300/300),
 *   the route (E-7-3: the trades are shipbuilding trades, DOMAIN.md §3), the APJATI MoU's validity
 *   starting on the signing day with no end date recorded, and nominal recording instants (start of the
 *   WIB day of each reported event).
 * - Not reported, left empty rather than invented: the signatories' names, the Korean native names of
 *   the two counties, the wage and contract length of the job orders (the Korean monthly minimum wage
 *   parameter `korea.minimumWageMonthlyKrw` is the planning reference), any attaché verification.
 */
import type { Messages } from '../shared/domain-error';
import type { IsoDate } from '../shared/local-date';
import type { Occupation, Route } from '../shared/vocabulary';
import type { OpeningRequirements } from '../eligibility/rule';
import type { WageTerms } from '../entities/job-opening.entity';
import type { MouStatus, MouPartyRole } from '../entities/mou-status';
import type { CreatePartyInput } from '../entities/party.entity';

export interface SeedMouParty {
  readonly partyId: string;
  readonly role: MouPartyRole;
  readonly isSignatory: boolean;
  readonly signatoryName: string | null;
  readonly signatoryTitle: string | null;
}

export interface SeedMouTransition {
  readonly to: MouStatus;
  readonly at: string;
  readonly note: string | null;
  readonly signedOn?: IsoDate;
}

export interface SeedMou {
  readonly id: string;
  readonly title: Messages;
  readonly reference: string | null;
  readonly parentMouId: string | null;
  readonly validFrom: IsoDate | null;
  readonly validUntil: IsoDate | null;
  readonly note: string | null;
  readonly createdAt: string;
  readonly parties: readonly SeedMouParty[];
  readonly obligations: ReadonlyArray<{ readonly partyId: string; readonly text: Messages }>;
  readonly transitions: readonly SeedMouTransition[];
}

export interface SeedQuota {
  readonly id: string;
  readonly mouId: string;
  readonly occupation: Occupation;
  readonly route: Route;
  readonly seats: number;
  readonly note: string | null;
  /** Date on which the route's sectors are checked. */
  readonly asOf: IsoDate;
}

export interface SeedOpening {
  readonly id: string;
  readonly mouId: string;
  readonly employerPartyId: string;
  readonly occupation: Occupation;
  readonly route: Route;
  readonly seats: number;
  readonly wage: WageTerms;
  readonly contractMonths: number | null;
  readonly extraRequirements: OpeningRequirements;
  readonly note: string | null;
  readonly createdAt: string;
}

export interface SeedAssumption {
  readonly id: string;
  readonly text: Messages;
}

export interface SeedProgram {
  /** Stable name (the gateway's seed marker). */
  readonly name: string;
  readonly source: { readonly title: string; readonly publishedOn: IsoDate; readonly note: string };
  /** Recorded as the actor of every seeded history entry. */
  readonly actor: string;
  readonly parties: readonly CreatePartyInput[];
  readonly mous: readonly SeedMou[];
  readonly quotas: readonly SeedQuota[];
  readonly openings: readonly SeedOpening[];
  readonly assumptions: readonly SeedAssumption[];
}

/** Fixed ids: parties a…, MoUs b…, quotas c…, openings d… (canonical lower-case UUIDs). */
export const SEED_IDS = {
  party: {
    pemkotSerang: 'a0000000-0000-4000-8000-000000000001',
    apjati: 'a0000000-0000-4000-8000-000000000002',
    ptOneAsia: 'a0000000-0000-4000-8000-000000000003',
    kabupatenHannam: 'a0000000-0000-4000-8000-000000000004',
    kabupatenYongnam: 'a0000000-0000-4000-8000-000000000005',
    kp2mi: 'a0000000-0000-4000-8000-000000000006',
    kiotec: 'a0000000-0000-4000-8000-000000000007',
    bbpvpSerang: 'a0000000-0000-4000-8000-000000000008',
    koshipa: 'a0000000-0000-4000-8000-000000000009',
    exampleKurBank: 'a0000000-0000-4000-8000-000000000010',
  },
  mou: {
    apjati: 'b0000000-0000-4000-8000-000000000001',
    hannam: 'b0000000-0000-4000-8000-000000000002',
    yongnam: 'b0000000-0000-4000-8000-000000000003',
  },
  quota: {
    welder: 'c0000000-0000-4000-8000-000000000001',
    painter: 'c0000000-0000-4000-8000-000000000002',
    electrician: 'c0000000-0000-4000-8000-000000000003',
  },
  opening: {
    welder: 'd0000000-0000-4000-8000-000000000001',
    painter: 'd0000000-0000-4000-8000-000000000002',
    electrician: 'd0000000-0000-4000-8000-000000000003',
  },
} as const;

/** Minimum positions announced (DOMAIN.md §1: "at least 1,000 positions"). */
export const SEED_ANNOUNCED_MINIMUM_POSITIONS = 1000;

/** Planning split of the announced positions between trades: an assumption, not a reported figure. */
export const SEED_TRADE_SPLIT: Readonly<Record<'WELDER' | 'SHIP_PAINTER' | 'SHIP_ELECTRICIAN', number>> = Object.freeze({
  WELDER: 400,
  SHIP_PAINTER: 300,
  SHIP_ELECTRICIAN: 300,
});

/** Used where the source names no signatory: signing is recorded as reported, the person is not. */
export const SEED_SIGNATORY_NOT_REPORTED = 'Tidak disebut dalam sumber (not named in the source)';

const P = SEED_IDS.party;
const M = SEED_IDS.mou;
const SIGNING_DAY = '2025-12-08';
const SIGNED_AT = '2025-12-08T00:00:00+07:00';
const ANNOUNCED_AT = '2025-12-10T00:00:00+07:00';

const SPLIT_NOTE =
  'Asumsi perencanaan: pengumuman menyebut sedikitnya 1.000 posisi (juru las, pengecatan, kelistrikan "dan lainnya") tanpa pembagian; ' +
  'pembagian 400/300/300 adalah asumsi yang diganti saat job order tiba. / Planning assumption: the announcement gives at least 1,000 ' +
  'positions (welding, painting, electricity "and others") without a split; 400/300/300 is an assumption to replace when job orders arrive.';

const OPENING_NOTE =
  'Job order belum diterima: upah dan lama kontrak belum dinyatakan (acuan perencanaan: upah minimum bulanan Korea, parameter ' +
  'korea.minimumWageMonthlyKrw); belum diverifikasi atase ketenagakerjaan sehingga belum dapat dipublikasikan (UU 18/2017 Pasal 9–10). / ' +
  'No job order received yet: wage and contract length not stated (planning reference: the Korean monthly minimum wage, parameter ' +
  'korea.minimumWageMonthlyKrw); not verified by the labour attaché, so it cannot be published (UU 18/2017 Articles 9–10).';

const COUNTY_NOTE =
  'Nama sesuai pemberitaan (pengumuman Pemkot Serang, 10 Des 2025); nama Korea belum dikonfirmasi. / Name as reported (Pemkot Serang ' +
  'announcement, 10 Dec 2025); the Korean name is not confirmed.';

function countyMou(id: string, countyId: string, county: string): SeedMou {
  return {
    id,
    title: {
      id: `Penjajakan kerja sama Pemerintah Kota Serang dan ${county} (Korea Selatan)`,
      en: `Exploration of cooperation between Pemkot Serang and ${county} (South Korea)`,
    },
    reference: null,
    parentMouId: M.apjati,
    validFrom: null,
    validUntil: null,
    note:
      'Penjajakan dilaporkan 10 Des 2025, dibangun di atas MoU APJATI; difasilitasi APJATI dengan PT One Asia sebagai mitra sisi Korea. ' +
      'Memerlukan persetujuan Kemendagri sebelum penandatanganan (PP 28/2018, Permendagri 25/2020). / Exploration reported on 10 Dec 2025, ' +
      'building on the APJATI MoU; facilitated by APJATI with PT One Asia as the Korean-side partner. Needs Kemendagri approval before ' +
      'signing (PP 28/2018, Permendagri 25/2020).',
    createdAt: ANNOUNCED_AT,
    parties: [
      { partyId: P.pemkotSerang, role: 'PRINCIPAL', isSignatory: true, signatoryName: null, signatoryTitle: null },
      { partyId: countyId, role: 'PARTNER', isSignatory: true, signatoryName: null, signatoryTitle: null },
      { partyId: P.apjati, role: 'FACILITATOR', isSignatory: false, signatoryName: null, signatoryTitle: null },
    ],
    obligations: [],
    transitions: [{ to: 'EXPLORATION', at: ANNOUNCED_AT, note: 'Penjajakan (LoI) dilaporkan / exploration reported' }],
  };
}

function tradeOpening(id: string, occupation: keyof typeof SEED_TRADE_SPLIT): SeedOpening {
  return {
    id,
    mouId: M.apjati,
    employerPartyId: P.ptOneAsia,
    occupation,
    route: 'E7_3',
    seats: SEED_TRADE_SPLIT[occupation],
    wage: { basis: 'NOT_STATED' },
    contractMonths: null,
    // Korean is "the main requirement" (DOMAIN.md §1) but no level was announced: eligibility's route rules apply.
    extraRequirements: {},
    note: OPENING_NOTE,
    createdAt: ANNOUNCED_AT,
  };
}

function tradeQuota(id: string, occupation: keyof typeof SEED_TRADE_SPLIT): SeedQuota {
  return { id, mouId: M.apjati, occupation, route: 'E7_3', seats: SEED_TRADE_SPLIT[occupation], note: SPLIT_NOTE, asOf: SIGNING_DAY };
}

export const SEED_PROGRAM: SeedProgram = deepFreeze({
  name: 'kota-serang-program-2025',
  source: {
    title: 'Pengumuman Pemerintah Kota Serang tentang MoU dengan APJATI dan penjajakan dengan dua kabupaten di Korea (DOMAIN.md §1)',
    publishedOn: '2025-12-10',
    note: 'Secondary summary in DOMAIN.md; names as reported.',
  },
  actor: 'seed:kota-serang-program-2025',
  parties: [
    {
      id: P.pemkotSerang,
      kind: 'CITY_GOVERNMENT',
      name: 'Pemerintah Kota Serang',
      shortName: 'Pemkot Serang',
      unit: 'Dinas Tenaga Kerja dan Transmigrasi (Disnakertrans) Kota Serang',
      country: 'ID',
      regionCode: '36.73',
      note:
        'Pemilik MoU; Disnakertrans: perizinan, penyusunan MoU, kelengkapan administrasi, kartu AK/1, LTSA, legalisasi perjanjian penempatan. / ' +
        'MoU owner; Disnakertrans: licensing, drafting the MoU, administrative completeness, AK/1 cards, one-stop service (LTSA), ' +
        'legalising placement agreements.',
    },
    {
      id: P.apjati,
      kind: 'ASSOCIATION',
      name: 'APJATI',
      shortName: 'APJATI',
      country: 'ID',
      note:
        'Asosiasi perusahaan penempatan berizin (P3MI); bukan pelaksana penempatan. / Association of licensed private placement ' +
        'companies (P3MI); not itself a placement executor.',
    },
    {
      id: P.ptOneAsia,
      kind: 'EMPLOYER',
      name: 'PT One Asia',
      shortName: 'One Asia',
      country: 'KR',
      representative: { name: 'Ha Jeong Ho', title: 'President Director' },
      note:
        'Mitra sisi Korea (pemberi kerja/perantara) sebagaimana diberitakan; negara pendaftaran badan usaha belum dikonfirmasi ("PT" adalah ' +
        'bentuk badan usaha Indonesia). / Korean-side partner (employer/intermediary) as reported; the country of registration is not ' +
        'confirmed ("PT" is an Indonesian company form).',
    },
    {
      id: P.kabupatenHannam,
      kind: 'FOREIGN_LOCAL_GOVERNMENT',
      name: 'Kabupaten Hannam',
      nativeName: null,
      country: 'KR',
      note: COUNTY_NOTE,
    },
    {
      id: P.kabupatenYongnam,
      kind: 'FOREIGN_LOCAL_GOVERNMENT',
      name: 'Kabupaten Yongnam',
      nativeName: null,
      country: 'KR',
      note: COUNTY_NOTE,
    },
    {
      id: P.kp2mi,
      kind: 'NATIONAL_AGENCY',
      name: 'Kementerian Pelindungan Pekerja Migran Indonesia',
      shortName: 'KP2MI',
      unit: 'BP3MI Banten',
      country: 'ID',
      regionCode: '36',
      note:
        'Dahulu BP2MI; penempatan G-to-G (EPS), SISKOP2MI, orientasi pra-penempatan (OPP). / Formerly BP2MI; runs G-to-G (EPS) ' +
        'placements, SISKOP2MI and pre-departure orientation (OPP).',
    },
    {
      id: P.kiotec,
      kind: 'TRAINING_PROVIDER',
      name: 'KIOTEC',
      country: 'ID',
      note:
        'Pusat pelatihan perkapalan Korea di Serang, dibuka Agustus 2024: angkatan 3 bulan berisi 30–40 orang (340 jam pengelasan, 100 jam ' +
        'bahasa Korea, 40 jam K3). / Korean shipbuilding training centre in Serang, opened Aug 2024: 3-month cohorts of 30–40 (340 h ' +
        'welding, 100 h Korean, 40 h safety).',
    },
    {
      id: P.bbpvpSerang,
      kind: 'TRAINING_PROVIDER',
      name: 'Balai Besar Pelatihan Vokasi dan Produktivitas Serang',
      shortName: 'BBPVP Serang',
      country: 'ID',
      note: 'Melatih juru las bersertifikat KOSHIPA. / Trains welders certified by KOSHIPA.',
    },
    {
      id: P.koshipa,
      kind: 'CERTIFIER',
      name: 'Korea Offshore & Shipbuilding Association',
      shortName: 'KOSHIPA',
      country: 'KR',
      note:
        'Verifikasi keterampilan E-7-3 perkapalan (mis. juru las FCAW 3G dengan uji X-ray). / E-7-3 shipbuilding skill verification ' +
        '(e.g. welders: FCAW 3G with X-ray).',
    },
    {
      id: P.exampleKurBank,
      kind: 'BANK',
      name: 'Contoh bank penyalur KUR (example KUR lender)',
      country: 'ID',
      isExample: true,
      note:
        'CONTOH, bukan mitra program: penyalur KUR Penempatan PMI antara lain BNI, Mandiri, BSI, BJB; belum ada bank yang menjadi pihak. / ' +
        'EXAMPLE, not a programme partner: KUR placement lenders include BNI, Mandiri, BSI, BJB; no bank is a party yet.',
    },
  ],
  mous: [
    {
      id: M.apjati,
      title: {
        id: 'Nota Kesepahaman Pemerintah Kota Serang dan APJATI tentang penempatan pekerja migran ke luar negeri',
        en: 'Memorandum of understanding between Pemkot Serang and APJATI on overseas placement',
      },
      reference: null,
      parentMouId: null,
      validFrom: SIGNING_DAY,
      validUntil: null,
      note:
        'Ditandatangani 8 Des 2025 (pengumuman 10 Des 2025). Masa berlaku tidak diberitakan: dianggap berlaku sejak penandatanganan, ' +
        'tanggal akhir tidak tercatat. Kewajiban di bawah merangkum pengumuman, bukan teks MoU. / Signed on 8 Dec 2025 (announced 10 Dec ' +
        '2025). Term not reported: taken as in force from signing, no end date recorded. The obligations below summarise the announcement, ' +
        'not the MoU text.',
      createdAt: SIGNED_AT,
      parties: [
        { partyId: P.pemkotSerang, role: 'PRINCIPAL', isSignatory: true, signatoryName: SEED_SIGNATORY_NOT_REPORTED, signatoryTitle: null },
        { partyId: P.apjati, role: 'PARTNER', isSignatory: true, signatoryName: SEED_SIGNATORY_NOT_REPORTED, signatoryTitle: null },
      ],
      obligations: [
        {
          partyId: P.pemkotSerang,
          text: {
            id: 'Disnakertrans Kota Serang: perizinan, penyusunan MoU, dan kelengkapan administrasi.',
            en: 'Disnakertrans Kota Serang: licensing, drafting the MoU, and administrative completeness.',
          },
        },
        {
          partyId: P.pemkotSerang,
          text: {
            id: 'Memastikan penempatan aman dan legal, terjangkau, dan sederhana; tidak ada warga yang harus menjual harta untuk membiayai pelatihan atau administrasi.',
            en: 'Make placement safe and legal, affordable and simple; no resident should have to sell belongings to pay for training or administration.',
          },
        },
        {
          partyId: P.apjati,
          text: {
            id: 'Memfasilitasi biaya pelatihan, perizinan, dan skema pembiayaan yang meringankan.',
            en: 'Facilitate training costs, licensing, and financing schemes that lighten the burden.',
          },
        },
        {
          partyId: P.apjati,
          text: {
            id: 'Membuka kantor cabang di Serang dengan pusat informasi lowongan luar negeri dan pusat pelatihan bahasa asing ("kampung bahasa") (rencana).',
            en: 'Open a branch office in Serang with an overseas vacancy information centre and a foreign-language training centre ("kampung bahasa") (planned).',
          },
        },
      ],
      transitions: [
        { to: 'SIGNED', at: SIGNED_AT, note: 'Ditandatangani / signed', signedOn: SIGNING_DAY },
        { to: 'ACTIVE', at: SIGNED_AT, note: 'Berlaku sejak penandatanganan (asumsi) / in force from signing (assumption)' },
      ],
    },
    countyMou(M.hannam, P.kabupatenHannam, 'Kabupaten Hannam'),
    countyMou(M.yongnam, P.kabupatenYongnam, 'Kabupaten Yongnam'),
  ],
  quotas: [
    tradeQuota(SEED_IDS.quota.welder, 'WELDER'),
    tradeQuota(SEED_IDS.quota.painter, 'SHIP_PAINTER'),
    tradeQuota(SEED_IDS.quota.electrician, 'SHIP_ELECTRICIAN'),
  ],
  openings: [
    tradeOpening(SEED_IDS.opening.welder, 'WELDER'),
    tradeOpening(SEED_IDS.opening.painter, 'SHIP_PAINTER'),
    tradeOpening(SEED_IDS.opening.electrician, 'SHIP_ELECTRICIAN'),
  ],
  assumptions: [
    {
      id: 'trade-split',
      text: {
        id: 'Pembagian 1.000 posisi: 400 juru las, 300 pengecat kapal, 300 teknisi listrik kapal (asumsi perencanaan; sumber tidak memberi pembagian).',
        en: 'Split of the 1,000 positions: 400 welders, 300 ship painters, 300 ship electricians (planning assumption; the source gives no split).',
      },
    },
    {
      id: 'route',
      text: {
        id: 'Rute E-7-3 (tenaga terampil perkapalan melalui P3MI): juru las, pengecatan dan kelistrikan termasuk sektor E-7-3 (DOMAIN.md §3).',
        en: 'Route E-7-3 (skilled shipbuilding through a P3MI): welding, painting and electricity fit E-7-3 (DOMAIN.md §3).',
      },
    },
    {
      id: 'apjati-validity',
      text: {
        id: 'MoU APJATI berlaku sejak 8 Des 2025; tanggal akhir tidak diberitakan.',
        en: 'The APJATI MoU is in force from 8 Dec 2025; no end date was reported.',
      },
    },
    {
      id: 'recording-times',
      text: {
        id: 'Waktu pencatatan riwayat adalah nominal: awal hari (WIB) dari peristiwa yang diberitakan.',
        en: 'History instants are nominal: the start of the WIB day of the reported event.',
      },
    },
    {
      id: 'job-order-terms',
      text: {
        id: 'Upah dan lama kontrak belum diberitakan; upah minimum bulanan Korea (parameter) menjadi acuan perencanaan.',
        en: 'Wage and contract length were not reported; the Korean monthly minimum wage (parameter) is the planning reference.',
      },
    },
  ],
});

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v as Record<string, unknown>)) deepFreeze(x);
  }
  return v;
}
