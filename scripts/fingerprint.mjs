// Content-hashed names for the app's files (`app-1f0c…e2.css`, `cvortex-case-details-9b…_bg.wasm`),
// given after every step that changes their bytes (wasm-opt, terser), so a name always means the
// same bytes: the server lets browsers keep them a year (`immutable`), and a deploy can never pair
// an old .js with a new .wasm. What loads them by name is renamed in: index.html (its links and
// inline loader, integrity included), the glue (its default wasm URL) and the custom-element
// loader. That loader, the one file a host page loads by a fixed path, keeps its name and is
// revalidated on every load (crates/sandbox/src/web.rs), so a deploy takes effect at once.
//
// Usage: node scripts/fingerprint.mjs [dist]   (./x build runs it before compressing)
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { updateIntegrity } from './sri.mjs';

/** The one top-level file that keeps a fixed name: host pages import it by its path. */
export const LOADER = 'cvortex-case-details-element.js';
/** A hashed name: `-` and 16 hex digits before `.css`, `.js` or `_bg.wasm`. */
export const HASHED = /-[0-9a-f]{16}(?:_bg\.wasm|\.js|\.css)$/;

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces every reference to an old name in `text` (as a whole path segment) by its new one. */
function renamed(text, names) {
  for (const [from, to] of names) {
    text = text.replace(new RegExp(`(^|[/'"=\\s(])${escape(from)}(?=$|[?#'"\\s>)])`, 'g'), `$1${to}`);
  }
  return text;
}

export function fingerprint(dist) {
  const names = new Map();
  const give = (file) => {
    const ext = /(_bg\.wasm|\.js|\.css)$/.exec(file)[1];
    const to = `${file.slice(0, -ext.length)}-${hash(readFileSync(join(dist, file)))}${ext}`;
    renameSync(join(dist, file), join(dist, to));
    names.set(file, to);
  };
  const top = readdirSync(dist).filter((f) => /(\.wasm|\.js|\.css)$/.test(f) && !HASHED.test(f) && f !== LOADER);
  // the wasm and the stylesheets name nothing; the glue names the wasm, so it is hashed after
  // the wasm's name is written into it
  top.filter((f) => !f.endsWith('.js')).forEach(give);
  for (const js of top.filter((f) => f.endsWith('.js'))) {
    const path = join(dist, js);
    writeFileSync(path, renamed(readFileSync(path, 'utf8'), names));
    give(js);
  }
  for (const file of ['index.html', LOADER]) {
    const path = join(dist, file);
    writeFileSync(path, renamed(readFileSync(path, 'utf8'), names));
  }
  updateIntegrity(dist, [...names.values()]);
  return names;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? 'dist';
  for (const [from, to] of fingerprint(dist)) console.log(`  ${from} -> ${to}`);
}
