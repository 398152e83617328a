// Tests of scripts/compress.mjs, the bundle-size check (plain node, no build, no dependencies):
// it must fail on a dist/ that is not a build of the app (missing, empty, only index.html, a
// referenced file missing or empty, a .wasm that is not one), refuse a budget that is not a whole
// number of bytes > 0 (NaN would pass every comparison), fail over the budget, and pass on a
// small build shaped like Trunk's. Run by `./x test`; usage: node scripts/test-compress.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUDGET_BYTES, GZIP_CEILING_BYTES, bytesFromEnv } from './compress.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const script = join(here, 'compress.mjs');
const root = mkdtempSync(join(tmpdir(), 'test-compress-'));
let failures = 0;
let count = 0;

const WASM = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]); // an empty module
// dist/index.html as Trunk 0.21 writes it (filehash = false, public_url = "/", minified:
// attributes unquoted where they can be), trimmed to what matters
const TRUNK_INDEX = `<!doctype html><html lang=pt-BR><head><meta charset=utf-8><title>cVortex</title>
<link rel=stylesheet href=/app.css integrity=sha384-AAAA crossorigin=anonymous>
<link rel=stylesheet href="/standalone.css" integrity="sha384-BBBB" crossorigin="anonymous">
<link rel=modulepreload href=/cvortex-case-details.js crossorigin=anonymous integrity=sha384-CCCC>
<link rel=preload href=/cvortex-case-details_bg.wasm crossorigin=anonymous integrity=sha384-DDDD as=fetch type=application/wasm>
<script type=module nonce="{{__TRUNK NONCE__}}">import init,*as bindings from'/cvortex-case-details.js';const wasm=await init({module_or_path:'/cvortex-case-details_bg.wasm'});window.wasmBindings=bindings;dispatchEvent(new CustomEvent("TrunkApplicationStarted",{detail:{wasm}}));</script>
</head><body></body></html>`;
const APP = {
  'index.html': TRUNK_INDEX,
  'app.css': '.cv-modal{display:grid}',
  'standalone.css': 'body{margin:0}',
  'cvortex-case-details.js': 'export default async function init(){}',
  'cvortex-case-details_bg.wasm': WASM,
  'cvortex-case-details-element.js': "import init from'./cvortex-case-details.js';",
  'examples/host.html': '<link rel="stylesheet" href="/app.css">',
};

/** A fresh dist dir holding `files` ({ name: contents }); null for no directory at all. */
function dist(name, files) {
  const dir = join(root, name);
  if (files === null) return dir;
  mkdirSync(dir, { recursive: true });
  for (const [f, body] of Object.entries(files)) {
    if (body === undefined) continue;
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), body);
  }
  return dir;
}

function run(dir, env = {}) {
  const base = { ...process.env };
  delete base.BUNDLE_BUDGET_BYTES;
  delete base.BUNDLE_GZIP_CEILING_BYTES;
  const r = spawnSync(process.execPath, [script, dir], { env: { ...base, ...env }, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

function check(name, cond, detail) {
  count++;
  if (cond) { console.log(`  ok   ${name}`); return; }
  failures++;
  console.log(`  FAIL ${name}\n${String(detail).replace(/^/gm, '       ')}`);
}

/** compress.mjs on `dir` must exit with `status` (and print `pattern`, when given). */
function expect(name, dir, status, pattern, env) {
  const r = run(dir, env);
  check(name, r.status === status && (!pattern || pattern.test(r.out)), `exit ${r.status} (expected ${status})${pattern ? `, output should match ${pattern}` : ''}:\n${r.out}`);
  return r;
}

try {
  console.log('compress.mjs refuses what is not a build of the app:');
  expect('no dist directory', dist('missing', null), 2, /no such directory/);
  expect('empty dist', dist('empty', {}), 2, /index\.html is missing/);
  expect('only index.html (the source page, which names no built file)', dist('only-index', { 'index.html': readFileSync(join(here, '..', 'index.html')) }), 2, /references no \.wasm/);
  expect('assets but an index.html that references none of them', dist('unreferenced', { ...APP, 'index.html': '<!doctype html><title>x</title>' }), 2, /references no \.wasm file/);
  expect('assets but no index.html', dist('no-index', { ...APP, 'index.html': undefined }), 2, /index\.html is missing/);
  for (const f of ['cvortex-case-details_bg.wasm', 'cvortex-case-details.js', 'app.css']) {
    const files = { ...APP };
    delete files[f];
    expect(`the referenced ${f} missing`, dist(`without-${f}`, files), 2, new RegExp(`references ${f.replace('.', '\\.')}, which is not in`));
    expect(`the referenced ${f} empty`, dist(`empty-${f}`, { ...APP, [f]: '' }), 2, /is empty/);
  }
  expect('a .wasm that is not a wasm module', dist('not-wasm', { ...APP, 'cvortex-case-details_bg.wasm': 'not wasm' }), 2, /is not a wasm module/);
  expect('a reference outside dist', dist('outside', { ...APP, 'index.html': TRUNK_INDEX.replace('href=/app.css', 'href="../app.css"') }), 2, /outside/);

  console.log('compress.mjs refuses a budget that is not a whole number of bytes > 0:');
  const good = dist('good-for-env', APP);
  for (const v of ['abc', '', ' ', '0', '-5', 'NaN', 'Infinity', '1e5', '358400.5', '350KiB', '0x100']) {
    expect(`BUNDLE_BUDGET_BYTES=${JSON.stringify(v)}`, good, 2, /BUNDLE_BUDGET_BYTES=.*expected a whole number of bytes/, { BUNDLE_BUDGET_BYTES: v });
  }
  expect('BUNDLE_GZIP_CEILING_BYTES="abc"', good, 2, /BUNDLE_GZIP_CEILING_BYTES=.*expected a whole number/, { BUNDLE_GZIP_CEILING_BYTES: 'abc' });

  console.log('compress.mjs measures and judges a build:');
  const app = dist('app', APP);
  const ok = expect('a small build shaped like Trunk\'s passes', app, 0, /budget 350 KiB \(358,400 bytes\) brotli/);
  for (const f of ['app.css', 'standalone.css', 'cvortex-case-details.js', 'cvortex-case-details_bg.wasm', 'cvortex-case-details-element.js']) {
    check(`${f} is measured and its .br and .gz written`, ok.out.includes(f) && existsSync(join(app, f + '.br')) && existsSync(join(app, f + '.gz')), ok.out);
  }
  check('a file in a subdirectory that index.html does not reference is not budgeted', !ok.out.includes('host.html'), ok.out);
  expect('a second run over the same dist (with its .br/.gz) passes too', app, 0);
  expect('over a (lowered) brotli budget fails', app, 1, /bytes over the brotli budget/, { BUNDLE_BUDGET_BYTES: '10' });
  expect('over a (lowered) gzip ceiling fails', app, 1, /bytes over the gzip ceiling/, { BUNDLE_GZIP_CEILING_BYTES: '10' });
  expect('a valid explicit budget is used', app, 0, /budget 976.6 KiB \(1,000,000 bytes\)/, { BUNDLE_BUDGET_BYTES: '1000000' });

  console.log('one budget, one unit:');
  check('the brotli budget is 350 KiB = 358,400 bytes', BUDGET_BYTES === 358_400, BUDGET_BYTES);
  check('the gzip ceiling is 460 KiB = 471,040 bytes', GZIP_CEILING_BYTES === 471_040, GZIP_CEILING_BYTES);
  check('bytesFromEnv: unset gives the default', bytesFromEnv('X', 7, {}) === 7, bytesFromEnv('X', 7, {}));
} finally {
  rmSync(root, { recursive: true, force: true });
}

console.log(`\ncompress.mjs: ${count - failures} of ${count} checks passed`);
if (failures) process.exit(1);
