/** Comparing the two answers, the printed table, and bench/results/latest.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RESULTS_DIR } from './paths.mjs';

/** The first path where `a` and `b` differ (object key order ignored), or undefined when equal. */
export function firstDifference(a, b, at = '$') {
  if (a === b) return undefined;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    return { path: at, jembatan: a, floor: b };
  }
  if (Array.isArray(a) !== Array.isArray(b)) return { path: at, jembatan: 'array?', floor: 'array?' };
  if (Array.isArray(a)) {
    if (a.length !== b.length) return { path: `${at}.length`, jembatan: a.length, floor: b.length };
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${at}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const k of keys) {
    const d = firstDifference(a[k], b[k], `${at}.${k}`);
    if (d) return d;
  }
  return undefined;
}

const fmt = (v, digits = 1) => (v === null || v === undefined ? '—' : Number(v).toFixed(digits));
const fmtInt = (v) => (v === null || v === undefined ? '—' : Math.round(v).toLocaleString('en-US'));

function row(cells, widths) {
  return cells.map((c, i) => (i < 2 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
}

/** The result table: one line per target and read, then the ratios. */
export function printTable(results) {
  const widths = [34, 9, 9, 8, 8, 9, 7, 10];
  const lines = [row(['read', 'target', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'bad', 'bytes/resp'], widths)];
  lines.push('-'.repeat(widths.reduce((a, b) => a + b + 2, -2)));
  for (const r of results) {
    for (const [name, m] of [['Jembatan', r.jembatan], ['floor', r.floor]]) {
      const bad = m.non2xx + m.socketErrors + m.mismatchedBodies;
      const status = m.refused ? 'REFUSED' : fmtInt(m.throughputRps);
      lines.push(row([name === 'Jembatan' ? r.title : '', name, status, fmt(m.p50Ms, 2), fmt(m.p99Ms, 2), fmtInt(m.requestsOk), bad, fmtInt(m.bytesPerResponse)], widths));
    }
  }
  lines.push('');
  lines.push('Jembatan / floor (throughput: 1.00 = as fast as the floor, 0.25 = a quarter of its req/s; latency: × the floor\'s):');
  for (const r of results) {
    const q = r.ratio;
    const same = r.sameData ? 'same answer' : `ANSWERS DIFFER at ${r.difference.path}`;
    lines.push(`  ${r.title.padEnd(36)} throughput ${fmt(q.throughput, 2).padStart(5)}   p50 ×${fmt(q.p50, 1).padEnd(5)} p99 ×${fmt(q.p99, 1).padEnd(5)} ${same}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function ratios(jembatan, floor) {
  const div = (a, b) => (a === null || b === null || b === 0 ? null : a / b);
  return {
    throughput: div(jembatan.throughputRps, floor.throughputRps),
    p50: div(jembatan.p50Ms, floor.p50Ms),
    p99: div(jembatan.p99Ms, floor.p99Ms),
  };
}

export function writeJson(report) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, 'latest.json');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
