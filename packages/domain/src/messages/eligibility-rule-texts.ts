/**
 * The texts of the eligibility rules (issue 14): each rule outcome's message, its checklist action,
 * the rules' titles and the documents' labels, by key. The rules put `textRef(key, ...args)` in their
 * outcomes; `renderTexts` (./render.ts) calls the template with the args (texts among them rendered
 * first). A template gets what the rule interpolated: dates, numbers, codes, or other texts.
 */
import type { Messages } from '../shared/domain-error';
import type { TextValue } from './text-value';

export const ELIGIBILITY_RULE_TEXTS = {
  'competence.certifier.KOSHIPA': { id: 'KOSHIPA', en: 'KOSHIPA' },
  'competence.certifier.BNSP_LSP': { id: 'LSP berlisensi BNSP', en: 'a BNSP-licensed LSP' },
  'competence.certifier.HRD_KOREA': { id: 'HRD Korea', en: 'HRD Korea' },
  'competence.certifier.OTHER': { id: 'lembaga lain', en: 'another body' },
  'competence.OK': (occ: Messages, certifier: Messages): Messages => ({
    id: `Kompetensi ${occ.id} terverifikasi oleh ${certifier.id}.`,
    en: `${occ.en} competence verified by ${certifier.en}.`,
  }),
  'competence.EXPIRED': (occ: Messages, expiresOn: TextValue): Messages => ({
    id: `Sertifikat kompetensi ${occ.id} sudah kedaluwarsa (${expiresOn}).`,
    en: `The ${occ.en} competency certificate has expired (${expiresOn}).`,
  }),
  'competence.EXPIRED.action': (occ: Messages, by: Messages): Messages => ({
    id: `Perpanjang atau ulangi uji kompetensi ${occ.id} oleh ${by.id}.`,
    en: `Renew or retake the ${occ.en} skills test with ${by.en}.`,
  }),
  'competence.NOT_PASSED': (occ: Messages): Messages => ({ id: `Uji kompetensi ${occ.id} belum lulus.`, en: `The ${occ.en} skills test has not been passed.` }),
  'competence.NOT_PASSED.action': (occ: Messages, by: Messages): Messages => ({
    id: `Ikuti pelatihan dan uji ulang kompetensi ${occ.id} oleh ${by.id}.`,
    en: `Train and retake the ${occ.en} skills test with ${by.en}.`,
  }),
  'competence.MISSING': (occ: Messages, by: Messages): Messages => ({
    id: `Belum ada verifikasi kompetensi ${occ.id} oleh ${by.id}.`,
    en: `No ${occ.en} skill verification by ${by.en} yet.`,
  }),
  'competence.MISSING.action': (occ: Messages, by: Messages): Messages => ({
    id: `Ikuti uji kompetensi ${occ.id} oleh ${by.id}.`,
    en: `Take the ${occ.en} skills test with ${by.en}.`,
  }),
  'competence.certifiers': (...labels: Messages[]): Messages => ({ id: labels.map((l) => l.id).join(' atau '), en: labels.map((l) => l.en).join(' or ') }),
  'law.competence.title': { id: 'Memiliki kompetensi (UU 18/2017 Pasal 5b)', en: 'Competence (UU 18/2017 Article 5b)' },
  'e73.skillVerification.title': { id: 'Verifikasi keterampilan KOSHIPA (E-7-3)', en: 'KOSHIPA skill verification (E-7-3)' },
  'DOCUMENT.MISSING': (label: Messages): Messages => ({ id: `${label.id} belum ada.`, en: `No ${label.en} yet.` }),
  'DOCUMENT.EXPIRED': (label: Messages, expiresOn: TextValue): Messages => ({
    id: `${label.id} sudah kedaluwarsa pada ${expiresOn}.`,
    en: `The ${label.en} expired on ${expiresOn}.`,
  }),
  'DOCUMENT.EXPIRED.action': (label: Messages, expiresOn: TextValue): Messages => ({
    id: `Perpanjang ${label.id}: masa berlakunya habis pada ${expiresOn}.`,
    en: `Renew your ${label.en}: it expired on ${expiresOn}.`,
  }),
  'DOCUMENT.EXPIRES_TOO_SOON.withMargin': (neededOn: TextValue, passportMarginMonths: TextValue): Messages => ({
    id: `harus berlaku sampai ${neededOn} (keberangkatan + ${passportMarginMonths} bulan)`,
    en: `it must be valid until ${neededOn} (departure + ${passportMarginMonths} months)`,
  }),
  'DOCUMENT.EXPIRES_TOO_SOON.atDeparture': (neededOn: TextValue): Messages => ({
    id: `harus berlaku pada keberangkatan ${neededOn}`,
    en: `it must be valid at departure on ${neededOn}`,
  }),
  'DOCUMENT.EXPIRES_TOO_SOON': (label: Messages, expiresOn: TextValue, why: Messages): Messages => ({
    id: `${label.id} habis berlaku pada ${expiresOn}; ${why.id}.`,
    en: `The ${label.en} expires on ${expiresOn}; ${why.en}.`,
  }),
  'DOCUMENT.EXPIRES_TOO_SOON.action': (label: Messages, neededOn: TextValue, expiresOn: TextValue): Messages => ({
    id: `Perpanjang ${label.id} sebelum ${neededOn}: masa berlakunya habis pada ${expiresOn}.`,
    en: `Renew your ${label.en} before ${neededOn}: it expires on ${expiresOn}.`,
  }),
  'DOCUMENT.EXPIRY_MISSING': (label: Messages): Messages => ({
    id: `Tanggal habis berlaku ${label.id} belum diisi.`,
    en: `The expiry date of the ${label.en} has not been entered.`,
  }),
  'DOCUMENT.EXPIRY_MISSING.action': (label: Messages): Messages => ({
    id: `Isi tanggal habis berlaku ${label.id}.`,
    en: `Enter the expiry date of your ${label.en}.`,
  }),
  'DOCUMENT.NOT_VERIFIED': (label: Messages): Messages => ({
    id: `${label.id} belum diverifikasi petugas.`,
    en: `The ${label.en} has not been verified by an officer.`,
  }),
  'DOCUMENT.NOT_VERIFIED.action': (label: Messages): Messages => ({
    id: `Bawa ${label.id} asli ke Disnakertrans Kota Serang (LTSA) untuk diverifikasi.`,
    en: `Bring the original ${label.en} to Disnakertrans Kota Serang (one-stop service) for verification.`,
  }),
  'DOCUMENT.OK': (label: Messages): Messages => ({
    id: `${label.id} lengkap, berlaku dan terverifikasi.`,
    en: `The ${label.en} is present, valid and verified.`,
  }),
  'docs.maritalStatus.title': { id: 'Surat keterangan status perkawinan (Pasal 13a)', en: 'Marital-status certificate (Article 13a)' },
  'docs.maritalStatus.label': { id: 'Surat keterangan status perkawinan', en: 'marital-status certificate' },
  'docs.maritalStatus.obtain': {
    id: 'Minta surat keterangan status perkawinan di kelurahan/desa (yang sudah menikah: lampirkan fotokopi buku nikah).',
    en: 'Ask the kelurahan/village office for a marital-status certificate (if married, attach a copy of the marriage book).',
  },
  'docs.competencyCertificate.title': { id: 'Sertifikat kompetensi kerja (Pasal 13c)', en: 'Competency certificate (Article 13c)' },
  'docs.competencyCertificate.label': { id: 'Sertifikat kompetensi kerja', en: 'competency certificate' },
  'docs.competencyCertificate.obtain': {
    id: 'Unggah sertifikat kompetensi kerja dari lembaga sertifikasi (LSP/BNSP atau KOSHIPA).',
    en: 'Upload the competency certificate from the certifying body (LSP/BNSP or KOSHIPA).',
  },
  'docs.medicalCertificate.title': { id: 'Surat keterangan sehat dan psikologi (Pasal 13d)', en: 'Medical and psychological certificate (Article 13d)' },
  'docs.medicalCertificate.label': { id: 'Surat keterangan sehat dan psikologi', en: 'medical and psychological certificate' },
  'docs.medicalCertificate.obtain': {
    id: 'Jalani pemeriksaan kesehatan dan psikologi di sarana kesehatan yang ditunjuk dan minta suratnya.',
    en: 'Have the medical and psychological check-up at a designated clinic and get the certificate.',
  },
  'docs.passport.title': { id: 'Paspor berlaku (Pasal 13e)', en: 'Valid passport (Article 13e)' },
  'docs.passport.label': { id: 'Paspor', en: 'passport' },
  'docs.passport.obtain': { id: 'Ajukan paspor di kantor imigrasi setempat.', en: 'Apply for a passport at the local immigration office.' },
  'docs.workVisa.title': { id: 'Visa kerja (Pasal 13f)', en: 'Work visa (Article 13f)' },
  'docs.workVisa.label': { id: 'Visa kerja', en: 'work visa' },
  'docs.workVisa.obtain': {
    id: 'Visa kerja diurus setelah perjanjian kerja ditandatangani; siapkan berkasnya bersama pelaksana penempatan.',
    en: 'The work visa is applied for after the employment contract is signed; prepare the file with the placement executor.',
  },
  'docs.placementAgreement.title': { id: 'Perjanjian penempatan (Pasal 13g)', en: 'Placement agreement (Article 13g)' },
  'docs.placementAgreement.label': { id: 'Perjanjian penempatan PMI', en: 'placement agreement' },
  'docs.placementAgreement.obtain': {
    id: 'Tandatangani perjanjian penempatan dengan pelaksana penempatan dan minta legalisasi Disnakertrans.',
    en: 'Sign the placement agreement with the placement executor and have it legalised by Disnakertrans.',
  },
  'docs.employmentContract.title': { id: 'Perjanjian kerja (Pasal 13h)', en: 'Employment contract (Article 13h)' },
  'docs.employmentContract.label': { id: 'Perjanjian kerja', en: 'employment contract' },
  'docs.employmentContract.obtain': {
    id: 'Perjanjian kerja ditandatangani dengan pemberi kerja setelah terpilih; simpan salinannya.',
    en: 'The employment contract is signed with the employer after selection; keep a copy.',
  },
  'docs.ktp.title': { id: 'KTP', en: 'Identity card (KTP)' },
  'docs.ktp.label': { id: 'KTP', en: 'identity card (KTP)' },
  'docs.ktp.obtain': { id: 'Unggah KTP elektronik Anda (atau urus di Disdukcapil).', en: 'Upload your electronic KTP (or apply at Disdukcapil).' },
  'docs.kk.title': { id: 'Kartu keluarga (KK)', en: 'Family card (KK)' },
  'docs.kk.label': { id: 'Kartu keluarga (KK)', en: 'family card (KK)' },
  'docs.kk.obtain': { id: 'Unggah kartu keluarga (KK).', en: 'Upload your family card (KK).' },
  'docs.skck.title': { id: 'SKCK (surat keterangan catatan kepolisian)', en: 'Police certificate (SKCK)' },
  'docs.skck.label': { id: 'SKCK', en: 'police certificate (SKCK)' },
  'docs.skck.obtain': { id: 'Ajukan SKCK di kantor polisi (Polres) setempat.', en: 'Apply for an SKCK at the local police office (Polres).' },
  'docs.ak1.title': { id: 'Kartu pencari kerja (AK/1)', en: 'Job-seeker card (AK/1)' },
  'docs.ak1.label': { id: 'Kartu AK/1', en: 'AK/1 job-seeker card' },
  'docs.ak1.obtain': {
    id: 'Daftar sebagai pencari kerja dan dapatkan kartu AK/1 di Disnakertrans Kota Serang atau SIAPkerja.',
    en: 'Register as a job seeker and get the AK/1 card at Disnakertrans Kota Serang or on SIAPkerja.',
  },
  'eps.ageBand.title': { id: 'Rentang usia E-9', en: 'E-9 age band' },
  'AGE.BELOW_ROUTE_MINIMUM': (min: TextValue, max: TextValue): Messages => ({
    id: `Jalur E-9 mensyaratkan usia ${min}–${max} tahun.`,
    en: `The E-9 route requires an age of ${min}–${max}.`,
  }),
  'AGE.BELOW_ROUTE_MINIMUM.action': (min: TextValue, from: TextValue): Messages => ({
    id: `Daftar kembali setelah berusia ${min} tahun (mulai ${from}).`,
    en: `Register again once you are ${min} (from ${from}).`,
  }),
  'AGE.ABOVE_ROUTE_MAXIMUM': (min: TextValue, max: TextValue): Messages => ({
    id: `Jalur E-9 mensyaratkan usia ${min}–${max} tahun; usia sudah melewati batas atas.`,
    en: `The E-9 route requires an age of ${min}–${max}; the age is above the upper limit.`,
  }),
  'AGE.WITHIN_ROUTE_BAND': (min: TextValue, max: TextValue): Messages => ({
    id: `Usia dalam rentang E-9 (${min}–${max} tahun).`,
    en: `Age within the E-9 band (${min}–${max}).`,
  }),
  'eps.criminalRecord.title': { id: 'Tidak pernah dipenjara (E-9)', en: 'Never imprisoned (E-9)' },
  'CRIMINAL_RECORD.MISSING': { id: 'Riwayat pidana belum dinyatakan.', en: 'The criminal record has not been declared.' },
  'CRIMINAL_RECORD.MISSING.action': {
    id: 'Nyatakan apakah pernah menjalani hukuman penjara (dibuktikan dengan SKCK).',
    en: 'Declare whether you have ever been imprisoned (backed by an SKCK).',
  },
  'CRIMINAL_RECORD.IMPRISONED': { id: 'Jalur E-9 mensyaratkan tidak pernah dipenjara.', en: 'The E-9 route requires never having been imprisoned.' },
  'CRIMINAL_RECORD.CLEAR': { id: 'Tidak pernah dipenjara.', en: 'Never imprisoned.' },
  'EDUCATION.MISSING': { id: 'Pendidikan terakhir belum diisi.', en: 'The highest education level has not been provided.' },
  'EDUCATION.MISSING.action': {
    id: 'Isi pendidikan terakhir dan siapkan ijazahnya.',
    en: 'Enter your highest education level and have the certificate ready.',
  },
  'eps.education.title': { id: 'Pendidikan minimal E-9', en: 'E-9 minimum education' },
  'EDUCATION.BELOW_MINIMUM': (label: Messages): Messages => ({
    id: `Jalur E-9 mensyaratkan pendidikan minimal ${label.id}.`,
    en: `The E-9 route requires at least ${label.en}.`,
  }),
  'EDUCATION.BELOW_MINIMUM.action': (label: Messages): Messages => ({
    id: `Selesaikan ${label.id} atau program kesetaraan (Kejar Paket) yang setara.`,
    en: `Complete ${label.en} or the equivalent equivalency programme (Kejar Paket).`,
  }),
  'EDUCATION.OK': (label: Messages): Messages => ({ id: `Pendidikan memenuhi minimal ${label.id}.`, en: `Education meets the minimum of ${label.en}.` }),
  'eps.colourVision.title': { id: 'Tidak buta warna (E-9)', en: 'No colour blindness (E-9)' },
  'MEDICAL.COLOUR_VISION_MISSING': { id: 'Tes buta warna belum ada.', en: 'No colour-vision test yet.' },
  'MEDICAL.COLOUR_BLIND': { id: 'Jalur E-9 mensyaratkan tidak buta warna.', en: 'The E-9 route requires no colour blindness.' },
  'MEDICAL.COLOUR_VISION_OK': { id: 'Tidak buta warna.', en: 'No colour blindness.' },
  'eps.completeFingers.title': { id: 'Jari tangan lengkap (E-9)', en: 'Complete fingers (E-9)' },
  'MEDICAL.FINGERS_MISSING': { id: 'Pemeriksaan fisik (jari tangan) belum ada.', en: 'No physical examination (fingers) yet.' },
  'MEDICAL.INCOMPLETE_FINGERS': { id: 'Jalur E-9 mensyaratkan jari tangan lengkap.', en: 'The E-9 route requires complete fingers.' },
  'MEDICAL.FINGERS_OK': { id: 'Jari tangan lengkap.', en: 'Complete fingers.' },
  'eps.excludedDiseases.title': { id: 'Bebas TBC, hepatitis, sifilis, HIV (E-9)', en: 'Free of TB, hepatitis, syphilis, HIV (E-9)' },
  'MEDICAL.EXCLUDED_CONDITION': {
    id: 'Pemeriksaan menemukan penyakit yang dikecualikan jalur E-9 (TBC, hepatitis, sifilis, HIV).',
    en: 'The examination found a condition the E-9 route excludes (TB, hepatitis, syphilis, HIV).',
  },
  'MEDICAL.SCREENING_MISSING': {
    id: 'Skrining TBC, hepatitis, sifilis dan HIV belum lengkap.',
    en: 'Screening for TB, hepatitis, syphilis and HIV is incomplete.',
  },
  'MEDICAL.SCREENING_OK': { id: 'Bebas TBC, hepatitis, sifilis dan HIV.', en: 'Free of TB, hepatitis, syphilis and HIV.' },
  'eps.koreanTest.title': { id: 'EPS-TOPIK berlaku dan memenuhi nilai minimal', en: 'Valid EPS-TOPIK result at or above the floor' },
  'EPS_TOPIK.MISSING': { id: 'Belum ada hasil EPS-TOPIK.', en: 'No EPS-TOPIK result yet.' },
  'EPS_TOPIK.MISSING.action': (min: TextValue, max: TextValue, validity: TextValue): Messages => ({
    id: `Daftar dan ikuti EPS-TOPIK melalui SISKOP2MI; nilai minimal ${min} dari ${max}, hasil berlaku ${validity} bulan.`,
    en: `Register for and take EPS-TOPIK through SISKOP2MI; the floor is ${min} of ${max} and results are valid for ${validity} months.`,
  }),
  'EPS_TOPIK.EXPIRED': (validity: TextValue): Messages => ({
    id: `Hasil EPS-TOPIK sudah tidak berlaku (berlaku ${validity} bulan).`,
    en: `The EPS-TOPIK result is no longer valid (results are valid for ${validity} months).`,
  }),
  'EPS_TOPIK.EXPIRED.action': (year: TextValue, expired: TextValue): Messages => ({
    id: `Ikuti EPS-TOPIK lagi: hasil tahun ${year} Anda kedaluwarsa pada ${expired}.`,
    en: `Take EPS-TOPIK again: your ${year} result expired on ${expired}.`,
  }),
  'EPS_TOPIK.BELOW_MINIMUM': (score: TextValue, max: TextValue, min: TextValue): Messages => ({
    id: `Nilai EPS-TOPIK terbaik yang berlaku ${score} dari ${max}, di bawah nilai minimal ${min}.`,
    en: `The best valid EPS-TOPIK score is ${score} of ${max}, below the floor of ${min}.`,
  }),
  'EPS_TOPIK.BELOW_MINIMUM.action': (min: TextValue, max: TextValue): Messages => ({
    id: `Ikuti EPS-TOPIK lagi dan raih minimal ${min} dari ${max}.`,
    en: `Take EPS-TOPIK again and score at least ${min} of ${max}.`,
  }),
  'EPS_TOPIK.OK': (score: TextValue, max: TextValue, expiresOn: TextValue): Messages => ({
    id: `EPS-TOPIK ${score} dari ${max}, berlaku sampai sebelum ${expiresOn}.`,
    en: `EPS-TOPIK ${score} of ${max}, valid until (not including) ${expiresOn}.`,
  }),
  'law.familyConsent.title': {
    id: 'Izin keluarga diketahui lurah/kepala desa (Pasal 13b)',
    en: 'Family consent acknowledged by the village head (Article 13b)',
  },
  'CONSENT.OK': { id: 'Izin keluarga ada dan diketahui lurah/kepala desa.', en: 'Family consent is given and acknowledged by the village head.' },
  'CONSENT.NOT_ACKNOWLEDGED': {
    id: 'Surat izin keluarga belum diketahui lurah/kepala desa.',
    en: 'The family consent letter has not been acknowledged by the lurah / village head.',
  },
  'CONSENT.NOT_ACKNOWLEDGED.action': {
    id: 'Mintakan tanda "mengetahui" lurah/kepala desa pada surat izin keluarga.',
    en: 'Have the lurah / village head acknowledge the family consent letter.',
  },
  'CONSENT.MISSING': { id: 'Belum ada izin suami/istri, orang tua atau wali.', en: 'No consent from spouse, parent or guardian yet.' },
  'CONSENT.MISSING.action': {
    id: 'Buat surat izin dari suami/istri, orang tua atau wali, dan mintakan tanda "mengetahui" lurah/kepala desa.',
    en: 'Get a consent letter from your spouse, parent or guardian, acknowledged by the lurah / village head.',
  },
  'health.checkup.action': {
    id: 'Jalani pemeriksaan kesehatan dan psikologi lengkap di sarana kesehatan yang ditunjuk (untuk E-9 termasuk tes buta warna, pemeriksaan fisik dan skrining TBC, hepatitis, sifilis, HIV).',
    en: 'Have the full medical and psychological check-up at a designated clinic (for E-9 it includes colour vision, a physical examination and TB, hepatitis, syphilis and HIV screening).',
  },
  'law.health.title': { id: 'Sehat jasmani dan rohani (UU 18/2017 Pasal 5c)', en: 'Physically and mentally healthy (UU 18/2017 Article 5c)' },
  'HEALTH.UNFIT': {
    id: 'Hasil pemeriksaan menyatakan belum memenuhi syarat sehat jasmani/rohani.',
    en: 'The examination found the candidate not fit (physically or mentally).',
  },
  'HEALTH.EXAMINATION_MISSING': { id: 'Hasil pemeriksaan kesehatan dan psikologi belum ada.', en: 'No medical and psychological examination result yet.' },
  'HEALTH.FIT': { id: 'Sehat jasmani dan rohani.', en: 'Physically and mentally fit.' },
  'koreaHistory.provide.action': {
    id: 'Isi riwayat di Korea: pernah dideportasi/dicekal, dan lama bekerja dengan visa E-9 dan E-10 (bulan, 0 jika tidak pernah).',
    en: 'Fill in your Korea history: any deportation or entry ban, and months worked on E-9 and E-10 visas (0 if never).',
  },
  'eps.noDeportation.title': { id: 'Tidak pernah dideportasi atau dicekal Korea (E-9)', en: 'No deportation or entry ban from Korea (E-9)' },
  'KOREA_HISTORY.DEPORTED_OR_BANNED': {
    id: 'Jalur E-9 tidak terbuka bagi yang pernah dideportasi atau dicekal masuk Korea.',
    en: 'The E-9 route is closed to people deported from or banned from entering Korea.',
  },
  'KOREA_HISTORY.MISSING': { id: 'Riwayat deportasi/cekal belum dinyatakan.', en: 'Deportation / entry-ban history has not been declared.' },
  'KOREA_HISTORY.CLEAR': { id: 'Tidak pernah dideportasi atau dicekal.', en: 'Never deported or banned.' },
  'eps.priorStay.title': { id: 'Lama bekerja sebelumnya di Korea (E-9 + E-10)', en: 'Previous work in Korea (E-9 + E-10)' },
  'KOREA_HISTORY.PRIOR_STAY_TOO_LONG': (max: TextValue): Messages => ({
    id: `Total kerja sebelumnya di Korea (E-9 + E-10) melebihi ${max} bulan.`,
    en: `Previous work in Korea (E-9 + E-10) exceeds ${max} months in total.`,
  }),
  'KOREA_HISTORY.PRIOR_STAY_MISSING': { id: 'Lama kerja sebelumnya di Korea belum diisi.', en: 'Months previously worked in Korea have not been provided.' },
  'KOREA_HISTORY.PRIOR_STAY_OK': (max: TextValue): Messages => ({
    id: `Total kerja sebelumnya di Korea tidak melebihi ${max} bulan.`,
    en: `Previous work in Korea within ${max} months.`,
  }),
  'korea.noEntryBan.title': { id: 'Tidak dicekal masuk Korea', en: 'No entry ban to Korea' },
  'KOREA_HISTORY.MISSING.entryBan': { id: 'Status cekal masuk Korea belum dinyatakan.', en: 'Whether there is an entry ban to Korea has not been declared.' },
  'KOREA_HISTORY.ENTRY_BANNED': {
    id: 'Orang yang dicekal masuk Korea tidak dapat memperoleh visa.',
    en: 'A person banned from entering Korea cannot obtain a visa.',
  },
  'KOREA_HISTORY.NOT_BANNED': { id: 'Tidak dicekal masuk Korea.', en: 'No entry ban to Korea.' },
  'AGE.BIRTH_DATE_MISSING': {
    id: 'Tanggal lahir belum diketahui (isi tanggal lahir atau NIK yang valid).',
    en: 'The birth date is not known (enter the birth date or a valid NIK).',
  },
  'AGE.BIRTH_DATE_MISSING.action': { id: 'Isi tanggal lahir sesuai KTP.', en: 'Enter your birth date as shown on your KTP.' },
  'law.minimumAge.title': { id: 'Usia minimal (UU 18/2017 Pasal 5a)', en: 'Minimum age (UU 18/2017 Article 5a)' },
  'AGE.BELOW_MINIMUM': (min: TextValue): Messages => ({
    id: `Usia minimal pekerja migran adalah ${min} tahun.`,
    en: `Migrant workers must be at least ${min} years old.`,
  }),
  'AGE.BELOW_MINIMUM.action': (min: TextValue, from: TextValue): Messages => ({
    id: `Daftar kembali setelah berusia ${min} tahun (mulai ${from}).`,
    en: `Register again once you are ${min} (from ${from}).`,
  }),
  'AGE.OK': (min: TextValue): Messages => ({ id: `Memenuhi usia minimal ${min} tahun.`, en: `Meets the minimum age of ${min}.` }),
  'identity.nik.title': { id: 'NIK valid dan sesuai data diri', en: 'NIK valid and consistent with the declared data' },
  'IDENTITY.NIK_MISSING': { id: 'NIK belum diisi.', en: 'The NIK has not been provided.' },
  'IDENTITY.NIK_MISSING.action': { id: 'Isi NIK (16 angka) sesuai KTP.', en: 'Enter the 16-digit NIK shown on your KTP.' },
  'identity.nik.invalid.action': { id: 'Periksa kembali NIK dengan KTP atau KK Anda.', en: 'Check the NIK against your KTP or KK.' },
  'identity.nik.mismatch.action': {
    id: 'Samakan tanggal lahir dan jenis kelamin dengan KTP; jika KTP yang salah, perbaiki di Disdukcapil.',
    en: 'Make the birth date and sex match your KTP; if the KTP itself is wrong, have it corrected at Disdukcapil.',
  },
  'IDENTITY.NIK_OK': { id: 'NIK valid dan sesuai dengan data yang dinyatakan.', en: 'The NIK is valid and agrees with the declared data.' },
  'opening.notAsked': { id: 'Lowongan tidak menetapkan syarat ini.', en: 'The opening does not set this requirement.' },
  'opening.ageRange.title': { id: 'Rentang usia lowongan', en: "Opening's age range" },
  'OPENING.AGE_ABOVE_MAXIMUM': (range: TextValue): Messages => ({ id: `Lowongan ini untuk usia ${range} tahun.`, en: `This opening is for ages ${range}.` }),
  'OPENING.AGE_BELOW_MINIMUM': (range: TextValue): Messages => ({ id: `Lowongan ini untuk usia ${range} tahun.`, en: `This opening is for ages ${range}.` }),
  'OPENING.AGE_BELOW_MINIMUM.action': (minAge: TextValue): Messages => ({
    id: `Lamar lowongan serupa setelah berusia ${minAge} tahun.`,
    en: `Apply for a similar opening once you are ${minAge}.`,
  }),
  'OPENING.AGE_OK': (range: TextValue): Messages => ({ id: `Usia sesuai lowongan (${range} tahun).`, en: `Age fits the opening (${range}).` }),
  'opening.minEducation.title': { id: 'Pendidikan minimal lowongan', en: "Opening's minimum education" },
  'OPENING.EDUCATION_BELOW_MINIMUM': (label: Messages): Messages => ({
    id: `Lowongan ini mensyaratkan pendidikan minimal ${label.id}.`,
    en: `This opening requires at least ${label.en}.`,
  }),
  'OPENING.EDUCATION_BELOW_MINIMUM.action': (label: Messages): Messages => ({
    id: `Selesaikan ${label.id} atau program kesetaraan yang setara.`,
    en: `Complete ${label.en} or an equivalent equivalency programme.`,
  }),
  'OPENING.EDUCATION_OK': (label: Messages): Messages => ({
    id: `Pendidikan memenuhi syarat lowongan (${label.id}).`,
    en: `Education meets the opening's requirement (${label.en}).`,
  }),
  'opening.minEpsTopikScore.title': { id: 'Nilai EPS-TOPIK minimal lowongan', en: "Opening's minimum EPS-TOPIK score" },
  'opening.minEpsTopikScore.MISSING.action': (min: TextValue, max: TextValue): Messages => ({
    id: `Ikuti EPS-TOPIK dan raih minimal ${min} dari ${max}.`,
    en: `Take EPS-TOPIK and score at least ${min} of ${max}.`,
  }),
  'OPENING.EPS_TOPIK_BELOW_MINIMUM': (min: TextValue, max: TextValue): Messages => ({
    id: `Lowongan ini mensyaratkan EPS-TOPIK berlaku minimal ${min} dari ${max}.`,
    en: `This opening requires a valid EPS-TOPIK score of at least ${min} of ${max}.`,
  }),
  'OPENING.EPS_TOPIK_BELOW_MINIMUM.action': (min: TextValue, max: TextValue): Messages => ({
    id: `Ikuti EPS-TOPIK lagi dan raih minimal ${min} dari ${max}.`,
    en: `Take EPS-TOPIK again and score at least ${min} of ${max}.`,
  }),
  'OPENING.EPS_TOPIK_OK': (score: TextValue, min: TextValue): Messages => ({
    id: `EPS-TOPIK ${score} memenuhi syarat lowongan (${min}).`,
    en: `EPS-TOPIK ${score} meets the opening's ${min}.`,
  }),
  'opening.minTopikLevel.title': { id: 'Level TOPIK minimal lowongan', en: "Opening's minimum TOPIK level" },
  'TOPIK.MISSING': { id: 'Belum ada hasil TOPIK.', en: 'No TOPIK result yet.' },
  'TOPIK.MISSING.action': (min: TextValue): Messages => ({
    id: `Ikuti TOPIK dan capai minimal level ${min}.`,
    en: `Take TOPIK and reach at least level ${min}.`,
  }),
  'OPENING.TOPIK_LEVEL_BELOW_MINIMUM': (min: TextValue, level: TextValue): Messages => ({
    id: `Lowongan ini mensyaratkan TOPIK minimal level ${min}; level tertinggi Anda ${level}.`,
    en: `This opening requires at least TOPIK level ${min}; your highest level is ${level}.`,
  }),
  'OPENING.TOPIK_LEVEL_BELOW_MINIMUM.action': (min: TextValue): Messages => ({
    id: `Ikuti TOPIK lagi dan capai minimal level ${min}.`,
    en: `Take TOPIK again and reach at least level ${min}.`,
  }),
  'OPENING.TOPIK_LEVEL_OK': (level: TextValue, min: TextValue): Messages => ({
    id: `TOPIK level ${level} memenuhi syarat lowongan (${min}).`,
    en: `TOPIK level ${level} meets the opening's ${min}.`,
  }),
  'opening.skillQualification.title': { id: 'Kualifikasi keterampilan lowongan', en: "Opening's skill qualification" },
  'SKILL_VERIFICATION.MISSING': (occ: Messages): Messages => ({
    id: `Belum ada verifikasi keterampilan ${occ.id}.`,
    en: `No ${occ.en} skill verification yet.`,
  }),
  'SKILL_VERIFICATION.MISSING.action': (occ: Messages, required: TextValue): Messages => ({
    id: `Ikuti uji keterampilan ${occ.id} dengan kualifikasi ${required}.`,
    en: `Take the ${occ.en} skills test for the ${required} qualification.`,
  }),
  'OPENING.QUALIFICATION_OK': (required: TextValue): Messages => ({ id: `Memiliki kualifikasi ${required}.`, en: `Holds the ${required} qualification.` }),
  'OPENING.QUALIFICATION_MISSING': (required: TextValue): Messages => ({
    id: `Lowongan ini mensyaratkan kualifikasi ${required} yang berlaku.`,
    en: `This opening requires a valid ${required} qualification.`,
  }),
  'OPENING.QUALIFICATION_MISSING.action': (occ: Messages, required: TextValue): Messages => ({
    id: `Ikuti uji keterampilan ${occ.id} untuk kualifikasi ${required}.`,
    en: `Take the ${occ.en} skills test for the ${required} qualification.`,
  }),
  'pilot.koreanTest.title': { id: 'Tes bahasa Korea program percontohan (tertulis + lisan)', en: 'Pilot Korean test (written level + speaking)' },
  'PILOT_KOREAN.OK': (level: TextValue, min: TextValue): Messages => ({
    id: `Bahasa Korea level ${level} (minimal ${min}) dan lulus tes lisan.`,
    en: `Korean at level ${level} (minimum ${min}) and the speaking test passed.`,
  }),
  'PILOT_KOREAN.MISSING': { id: 'Belum ada hasil tes bahasa Korea.', en: 'No Korean test result yet.' },
  'PILOT_KOREAN.MISSING.action': (min: TextValue): Messages => ({
    id: `Ikuti tes bahasa Korea program percontohan: minimal setara TOPIK level ${min} ditambah tes lisan.`,
    en: `Take the pilot's Korean test: at least TOPIK level ${min} plus a speaking test.`,
  }),
  'PILOT_KOREAN.LEVEL_BELOW_MINIMUM': (level: TextValue, min: TextValue): Messages => ({
    id: `Level bahasa Korea tertinggi ${level}, di bawah minimal level ${min}.`,
    en: `The highest Korean level is ${level}, below the minimum of level ${min}.`,
  }),
  'PILOT_KOREAN.LEVEL_BELOW_MINIMUM.action': (min: TextValue): Messages => ({
    id: `Ikuti tes lagi dan capai minimal TOPIK level ${min}.`,
    en: `Take the test again and reach at least TOPIK level ${min}.`,
  }),
  'PILOT_KOREAN.SPEAKING_MISSING': {
    id: 'Level tertulis terpenuhi, tetapi belum ada tes lisan.',
    en: 'The written level is met, but there is no speaking test yet.',
  },
  'PILOT_KOREAN.SPEAKING_MISSING.action': { id: 'Ikuti tes lisan (speaking) program percontohan.', en: "Take the pilot's speaking test." },
  'PILOT_KOREAN.SPEAKING_NOT_PASSED': { id: 'Tes lisan bahasa Korea belum lulus.', en: 'The Korean speaking test has not been passed.' },
  'PILOT_KOREAN.SPEAKING_NOT_PASSED.action': { id: 'Ikuti tes lisan (speaking) lagi.', en: 'Take the speaking test again.' },
  'city.residency.title': { id: 'Warga Kota Serang (alamat KTP/KK)', en: 'Resident of Kota Serang (KTP/KK address)' },
  'city.residency.OUTSIDE_KOTA_SERANG': (message: Messages): Messages => ({
    id: `${message.id} Program ini untuk warga Kota Serang.`,
    en: `${message.en} This program is for residents of Kota Serang.`,
  }),
  'residency.correct.action': {
    id: 'Periksa alamat (kecamatan dan kota) sesuai KTP atau KK.',
    en: 'Check the address (kecamatan and city) against your KTP or KK.',
  },
  'residency.provide.action': {
    id: 'Isi alamat sesuai KTP/KK: kecamatan dan kabupaten/kota.',
    en: 'Enter the address on your KTP/KK: kecamatan and regency/city.',
  },
  'route.occupation.title': { id: 'Jabatan sesuai sektor jalur', en: "Occupation fits the route's sectors" },
  'route.occupation.notApplicable': {
    id: 'Tidak ada lowongan yang dinilai; jabatan diperiksa saat seleksi untuk lowongan.',
    en: 'No opening given; the occupation is checked when selecting for an opening.',
  },
  'ROUTE.OCCUPATION_OK': (label: Messages): Messages => ({ id: `${label.id} termasuk sektor jalur ini.`, en: `${label.en} is within this route's sectors.` }),
  'route.open.title': { id: 'Jalur penempatan terbuka', en: 'Placement route is open' },
  'ROUTE.OPEN': (note: Messages): Messages => ({ id: `Jalur terbuka. ${note.id}`, en: `The route is open. ${note.en}` }),
  'ROUTE.SUSPENDED': (untilId: TextValue, note: Messages, untilEn: TextValue): Messages => ({
    id: `Jalur ini ditangguhkan untuk Indonesia${untilId}. ${note.id}`,
    en: `This route is suspended for Indonesia${untilEn}. ${note.en}`,
  }),
  'ROUTE.CLOSED': (untilId: TextValue, note: Messages, untilEn: TextValue): Messages => ({
    id: `Jalur ini tertutup${untilId}. ${note.id}`,
    en: `This route is closed${untilEn}. ${note.en}`,
  }),
  'law.socialSecurity.title': {
    id: 'Terdaftar BPJS Ketenagakerjaan (UU 18/2017 Pasal 5d)',
    en: 'Registered with BPJS Ketenagakerjaan (UU 18/2017 Article 5d)',
  },
  'SOCIAL_SECURITY.MISSING': { id: 'Belum ada nomor kepesertaan BPJS Ketenagakerjaan.', en: 'No BPJS Ketenagakerjaan membership number yet.' },
  'SOCIAL_SECURITY.MISSING.action': {
    id: 'Daftar BPJS Ketenagakerjaan sebagai PMI (iuran sebelum bekerja) dan catat nomor kepesertaannya.',
    en: 'Register with BPJS Ketenagakerjaan as a migrant worker (pre-work contribution) and record the membership number.',
  },
  'SOCIAL_SECURITY.REGISTERED': { id: 'Terdaftar BPJS Ketenagakerjaan.', en: 'Registered with BPJS Ketenagakerjaan.' },
} as const;
