/**
 * A candidate import file (the template's Bahasa Indonesia header) of synthetic rows for the scale
 * bench. NIKs use regency code 36.98, which does not exist (Banten's are 36.01–36.04 and
 * 36.71–36.74; the demo uses 36.99, the bulk loader 36.73 and 36.04), so a row is never a real
 * person's and never collides with the loaded data; the birth date and sex are the ones the NIK
 * encodes (women +40 on the day). Row `i` is unique for i < 9,999 × 60 (the birth date moves 97 days
 * per block of 9,999).
 */
import { writeFileSync } from 'node:fs';

const KECAMATAN = ['Serang', 'Kasemen', 'Walantaka', 'Curug', 'Cipocok Jaya', 'Taktakan'];
const TARGETS = ['E7_3,WELDER', 'E7_3,SHIP_PAINTER', 'E9,MANUFACTURING_WORKER', ','];
const HEADER = 'NIK,Nama,Tanggal Lahir,Jenis Kelamin,Kecamatan,Kabupaten/Kota,Pendidikan,Rute,Jabatan,Catatan';
const DAY_MS = 86_400_000;
const pad = (n, w) => String(n).padStart(w, '0');

export function importLine(i) {
  const seq = 1 + (i % 9999);
  const birth = new Date(Date.UTC(1985, 0, 1) + ((seq * 7919) % 6000) * DAY_MS + Math.floor(i / 9999) * 97 * DAY_MS);
  const female = i % 3 === 1;
  const d = birth.getUTCDate();
  const nik = `3698${pad(1 + (i % 6), 2)}${pad(d + (female ? 40 : 0), 2)}${pad(birth.getUTCMonth() + 1, 2)}${pad(birth.getUTCFullYear() % 100, 2)}${pad(seq, 4)}`;
  const date = `${pad(d, 2)}/${pad(birth.getUTCMonth() + 1, 2)}/${birth.getUTCFullYear()}`;
  return `${nik},Contoh ${i},${date},${female ? 'P' : 'L'},${KECAMATAN[i % 6]},Kota Serang,SLTA,${TARGETS[i % TARGETS.length]},[CONTOH] npm run bench:scale`;
}

/** Rows `from`..`from + count - 1` into `file` (CSV, UTF-8); returns its size in bytes. */
export function writeImportCsv(file, from, count) {
  const lines = [HEADER];
  for (let i = from; i < from + count; i++) lines.push(importLine(i));
  const text = `${lines.join('\n')}\n`;
  writeFileSync(file, text);
  return Buffer.byteLength(text);
}
