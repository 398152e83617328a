// Pre-compresses the built app (dist/*.wasm, *.js, *.css -> .br and .gz next to them, which the
// sandbox serves by Accept-Encoding) and checks the transfer size: the app's wasm + JS + CSS must
// stay under the Performance budget of 350 KiB (358,400 bytes) brotli-compressed (what browsers
// are served), and its gzip form (what a client without brotli gets) under a ceiling of 460 KiB
// (471,040 bytes) that stops it growing. Sizes are deterministic, so this may fail the build;
// timings never do.
//
// It fails (exit 2) on a dist/ that is not a build of the app rather than measuring nothing:
// dist/index.html must reference at least one .wasm, one .js and one .css, and every file it
// references must be there, non-empty (a .wasm must be a wasm module). Budgets may be lowered
// with BUNDLE_BUDGET_BYTES / BUNDLE_GZIP_CEILING_BYTES (whole bytes, > 0; anything else is
// refused, since NaN would pass every comparison). Over a budget: exit 1.
//
// Usage: node scripts/compress.mjs [dist]. tests/bench/bench.mjs imports the budgets and the
// measuring from here, so the benchmark's report and this check agree to the byte.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const KIB = 1024;
/** The transfer-size budget, brotli, in bytes: 350 KiB. */
export const BUDGET_BYTES = 350 * KIB;
/** The gzip ceiling, in bytes: 460 KiB. */
export const GZIP_CEILING_BYTES = 460 * KIB;
/** "350 KiB (358,400 bytes)" */
export const describeBytes = (b) => `${b % KIB === 0 ? `${b / KIB} KiB` : `${(b / KIB).toFixed(1)} KiB`} (${b.toLocaleString('en-US')} bytes)`;

const ASSET = /\.(wasm|js|css)$/;
// A local path to a .wasm/.js/.css in index.html: an attribute value (quoted or not, as the
// minified page has them) or a string in the inline loader (`import init from '/x.js'`,
// `module_or_path: '/x_bg.wasm'`). Absolute URLs (`https://...`) and data: URIs never match.
const REFERENCE = /(?<=["'`=(])\.?\/?(?:[\w.-]+\/)*[\w.-]+\.(?:wasm|js|css)(?=[?#"'`\s>)]|$)/g;

/** Reads a byte count from the environment: the fallback when unset, an error when not a whole number > 0. */
export function bytesFromEnv(name, fallback, env = process.env) {
  const value = env[name];
  if (value === undefined) return fallback;
  if (!/^\s*\d+\s*$/.test(value) || Number(value) <= 0 || !Number.isSafeInteger(Number(value))) {
    throw new Error(`${name}=${JSON.stringify(value)}: expected a whole number of bytes greater than 0`);
  }
  return Number(value);
}

/**
 * The files the budget covers: every .wasm/.js/.css at the top of `dist` and every one that
 * dist/index.html references. Throws when dist is not a build of the app (see the header).
 */
export function budgetedFiles(dist) {
  if (!existsSync(dist) || !statSync(dist).isDirectory()) throw new Error(`${dist}: no such directory (build the app first)`);
  const indexPath = join(dist, 'index.html');
  if (!existsSync(indexPath)) throw new Error(`${indexPath} is missing: ${dist} is not a build of the app`);
  const index = readFileSync(indexPath, 'utf8');
  const referenced = [...new Set((index.match(REFERENCE) ?? []).map((r) => r.replace(/^\.?\//, '')))];
  const problems = [];
  for (const kind of ['wasm', 'js', 'css']) {
    if (!referenced.some((f) => f.endsWith('.' + kind))) problems.push(`${indexPath} references no .${kind} file`);
  }
  const root = resolve(dist);
  for (const f of referenced) {
    const path = resolve(dist, f);
    if (!path.startsWith(root + sep)) { problems.push(`${indexPath} references ${f}, outside ${dist}`); continue; }
    if (!existsSync(path) || !statSync(path).isFile()) { problems.push(`${indexPath} references ${f}, which is not in ${dist}`); continue; }
    const bytes = readFileSync(path);
    if (bytes.length === 0) problems.push(`${join(dist, f)} is empty`);
    else if (f.endsWith('.wasm') && !bytes.subarray(0, 4).equals(Buffer.from([0, 0x61, 0x73, 0x6d]))) problems.push(`${join(dist, f)} is not a wasm module`);
  }
  if (problems.length) throw new Error(problems.join('\n'));
  const top = readdirSync(dist).filter((f) => ASSET.test(f) && statSync(join(dist, f)).isFile());
  return [...new Set([...top, ...referenced])].sort();
}

/** The two compressed forms of `raw`, as the sandbox serves them. */
export function compress(raw) {
  return {
    br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
    gz: gzipSync(raw, { level: 9 }),
  };
}

/** Sizes of the budgeted files: { files: { name: { raw, gzip, brotli } }, total: { raw, gzip, brotli } }. */
export function transferSizes(dist, { write = false } = {}) {
  const files = {};
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of budgetedFiles(dist)) {
    const raw = readFileSync(join(dist, f));
    const { br, gz } = compress(raw);
    if (write) {
      writeFileSync(join(dist, f + '.br'), br);
      writeFileSync(join(dist, f + '.gz'), gz);
    }
    files[f] = { raw: raw.length, gzip: gz.length, brotli: br.length };
    total.raw += raw.length;
    total.gzip += gz.length;
    total.brotli += br.length;
  }
  return { files, total };
}

function main() {
  const dist = process.argv[2] ?? 'dist';
  let budget, gzipCeiling, sizes;
  try {
    budget = bytesFromEnv('BUNDLE_BUDGET_BYTES', BUDGET_BYTES);
    gzipCeiling = bytesFromEnv('BUNDLE_GZIP_CEILING_BYTES', GZIP_CEILING_BYTES);
    sizes = transferSizes(dist, { write: true });
  } catch (e) {
    console.error(`bundle size: ${e.message}`);
    process.exit(2);
  }
  const pad = (s, n) => String(s).padStart(n);
  for (const [f, s] of Object.entries(sizes.files)) {
    console.log(`  ${f.padEnd(40)} ${pad(s.raw, 9)} raw ${pad(s.gzip, 8)} gzip ${pad(s.brotli, 8)} brotli`);
  }
  const { gzip: totalGz, brotli: totalBr } = sizes.total;
  console.log(`  ${'total'.padEnd(40)} ${pad('', 9)}     ${pad(totalGz, 8)} gzip ${pad(totalBr, 8)} brotli`);
  console.log(`  budget ${describeBytes(budget)} brotli (${(100 * totalBr / budget).toFixed(1)} % used), ceiling ${describeBytes(gzipCeiling)} gzip (${(100 * totalGz / gzipCeiling).toFixed(1)} % used)`);
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
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
