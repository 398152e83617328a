// Tests of scripts/fingerprint.mjs on a small build shaped like Trunk's (plain node, no build): every
// file but the loader gets a name from its bytes, every reference follows (index.html's links and
// inline loader, the glue's wasm URL, the loader's imports), integrity hashes stay true, another
// build's bytes get other names, and a second run changes nothing. Run by `./x test`.
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fingerprint, HASHED, LOADER } from './fingerprint.mjs';

let failures = 0;
const check = (name, cond) => {
  console.log(`${cond ? 'ok  ' : 'FAIL'} ${name}`);
  if (!cond) failures++;
};

const INDEX = `<!doctype html><link href=/app.css integrity=sha384-AAAA rel=stylesheet><link href=/standalone.css integrity=sha384-BBBB rel=stylesheet><script nonce="{{__TRUNK NONCE__}}" type=module>import init, * as bindings from '/cvortex-case-details.js';
const wasm = await init({ module_or_path: '/cvortex-case-details_bg.wasm' });</script><link crossorigin href=/cvortex-case-details.js integrity="sha384-CCCC" rel=modulepreload><link as=fetch crossorigin href=/cvortex-case-details_bg.wasm integrity="sha384-DDDD" rel=preload type=application/wasm>`;

function build(glue) {
  const dir = mkdtempSync(join(tmpdir(), 'test-fingerprint-'));
  const files = {
    'index.html': INDEX,
    'app.css': '.cv-modal{display:grid}',
    'standalone.css': 'body{margin:0}',
    'cvortex-case-details.js': glue,
    'cvortex-case-details_bg.wasm': Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]),
    [LOADER]: `import init,{mountCaseDetails}from"./cvortex-case-details.js";init({module_or_path:new URL("./cvortex-case-details_bg.wasm",import.meta.url)});new URL("./app.css",import.meta.url);`,
    'examples/host.js': "import '/cvortex-case-details-element.js';",
  };
  mkdirSync(join(dir, 'examples'));
  for (const [f, body] of Object.entries(files)) writeFileSync(join(dir, f), body);
  return dir;
}

const GLUE = 'export default function init(){return new URL("cvortex-case-details_bg.wasm",import.meta.url)}';
const dir = build(GLUE);
const names = fingerprint(dir);
const top = readdirSync(dir).filter((f) => f !== 'examples').sort();
const read = (f) => readFileSync(join(dir, f), 'utf8');
const sri = (f) => 'sha384-' + createHash('sha384').update(readFileSync(join(dir, f))).digest('base64');

check('four files renamed, the loader and index.html kept', names.size === 4 && top.includes(LOADER) && top.includes('index.html'));
check('every other file has a hashed name', top.filter((f) => f !== LOADER && f !== 'index.html').every((f) => HASHED.test(f)));
const wasm = names.get('cvortex-case-details_bg.wasm');
const glue = names.get('cvortex-case-details.js');
const css = names.get('app.css');
check('the wasm keeps its _bg.wasm ending', /^cvortex-case-details-[0-9a-f]{16}_bg\.wasm$/.test(wasm));
check('the glue names the hashed wasm', read(glue).includes(`"${wasm}"`) && !read(glue).includes('"cvortex-case-details_bg.wasm"'));
const index = read('index.html');
check('index.html names only hashed files', !/\/(app|standalone)\.css|cvortex-case-details(_bg\.wasm|\.js)/.test(index));
check('index.html loads the hashed glue and wasm', index.includes(`from '/${glue}'`) && index.includes(`module_or_path: '/${wasm}'`));
check('integrity follows the new bytes', index.includes(sri(glue)) && index.includes(sri(css)) && !index.includes('sha384-CCCC'));
const loader = read(LOADER);
check('the loader imports the hashed glue, wasm and styles', loader.includes(`"./${glue}"`) && loader.includes(`"./${wasm}"`) && loader.includes(`"./${css}"`));
check('another page is left alone', read('examples/host.js') === "import '/cvortex-case-details-element.js';");
check('a second run renames nothing', fingerprint(dir).size === 0 && readdirSync(dir).filter((f) => f !== 'examples').sort().join() === top.join());

// another build: only the glue changed, so only its name changes (and the loader's references)
const dir2 = build(GLUE + ';console.log(2)');
const names2 = fingerprint(dir2);
check('changed bytes get a new name', names2.get('cvortex-case-details.js') !== glue);
check('unchanged bytes keep their name', names2.get('cvortex-case-details_bg.wasm') === wasm && names2.get('app.css') === css);

if (failures) {
  console.error(`${failures} fingerprint check(s) failed`);
  process.exit(1);
}
console.log('fingerprint: all checks passed');
