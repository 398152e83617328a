// Pre-compresses the built app (dist/*.wasm, *.js, *.css -> .br and .gz next to them, which the
// sandbox serves by Accept-Encoding) and checks the transfer size: the app's wasm + JS + CSS must
// stay under the Performance budget of 350 KiB brotli-compressed (what browsers are served), and
// its gzip form (what a client without brotli gets) under a ceiling that stops it growing. Sizes
// are deterministic, so this may fail the build; timings never do.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const KIB = 1024;
const budget = Number(process.env.BUNDLE_BUDGET_BYTES ?? 350 * KIB);
const gzipCeiling = Number(process.env.BUNDLE_GZIP_CEILING_BYTES ?? 460 * KIB);
const files = readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f)).sort();
let totalBr = 0;
let totalGz = 0;
const pad = (s, n) => String(s).padStart(n);
for (const f of files) {
  const raw = readFileSync(join(dist, f));
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
  const gz = gzipSync(raw, { level: 9 });
  writeFileSync(join(dist, f + '.br'), br);
  writeFileSync(join(dist, f + '.gz'), gz);
  totalBr += br.length;
  totalGz += gz.length;
  console.log(`  ${f.padEnd(40)} ${pad(raw.length, 9)} raw ${pad(gz.length, 8)} gzip ${pad(br.length, 8)} brotli`);
}
console.log(`  ${'total'.padEnd(40)} ${pad('', 9)}     ${pad(totalGz, 8)} gzip ${pad(totalBr, 8)} brotli`);
console.log(`  budget ${budget} brotli (${(100 * totalBr / budget).toFixed(1)} % used), ceiling ${gzipCeiling} gzip (${(100 * totalGz / gzipCeiling).toFixed(1)} % used)`);
let over = false;
if (totalBr > budget) {
  console.error(`bundle size: ${totalBr - budget} bytes over the brotli budget`);
  over = true;
}
if (totalGz > gzipCeiling) {
  console.error(`bundle size: ${totalGz - gzipCeiling} bytes over the gzip ceiling`);
  over = true;
}
if (over) process.exit(1);
