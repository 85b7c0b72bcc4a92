// Preloaded (`node -r bench/lib/peak-rss.cjs …`) into a command the scale bench runs: on exit, the
// process's own peak resident set size (getrusage ru_maxrss, bytes) and its wall time are written to
// BENCH_PEAK_RSS_FILE, so the bench reports that command's memory alone.
const { writeFileSync } = require('node:fs');

const file = process.env.BENCH_PEAK_RSS_FILE;
const started = process.hrtime.bigint();
if (file) {
  process.on('exit', () => {
    const maxRssBytes = process.resourceUsage().maxRSS * 1024;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    writeFileSync(file, JSON.stringify({ maxRssBytes, ms }));
  });
}
