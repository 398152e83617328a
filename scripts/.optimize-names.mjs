// Optimizes the app's wasm after Trunk (index.html sets data-wasm-opt="0", so Trunk leaves
// wasm-bindgen's output, names included) and keeps index.html's integrity hash true.
//
// Why not Trunk's own `wasm-opt -Oz`: what is budgeted is the *compressed* size, and compressors
// find repeats only within their window (gzip: 32 KB). Rust emits one copy of a generic function
// per type it is used with (tachys' `into_any::build`, serde's `deserialize_seq`...), and those
// copies are near-identical; in the order rustc leaves them, they are scattered over 1.2 MB. So
// before optimizing, each function is renamed to a key that names the generic function without
// its type arguments or hash, and wasm-opt's `--reorder-functions-by-name` puts equal keys side
// by side (among them, by their type arguments). The names are dropped from the output as before. Measured on
// the app with the live case (2026-12-05): -Oz 354,657 B brotli / 465,914 B gzip; -Os with this
// order 346,848 / 451,098 (-Os alone: 352,907 / 466,234; -Os ordered by plain names: 348,559 /
// 453,499). Code size is unchanged: only the order differs.
//
// Usage: node scripts/optimize-wasm.mjs [dist]  (wasm-opt from npm's binaryen on PATH)
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { updateIntegrity } from './sri.mjs';

/** The wasm features rustc >= 1.87 emits; wasm-opt must be told (toolchain.md). */
export const FEATURES = [
  '--enable-bulk-memory',
  '--enable-nontrapping-float-to-int',
  '--enable-sign-ext',
  '--enable-mutable-globals',
  '--enable-reference-types',
  '--enable-multivalue',
];

/**
 * The key a function is ordered by: its demangled name without the hash and without generic
 * arguments (a trait impl keeps its trait: `<T as IntoAny>::into_any::build` stays apart from
 * other `build`s), so the copies of one generic function sort together.
 */
export function orderKey(name) {
  const full = name.replace(/::h[0-9a-f]{16}/g, '');
  let key = full;
  for (let i = 0; i < 8; i++) {
    const next = key.replace(/<([^<>]*)>/g, (_, inner) => (inner.includes(' as ') ? `(${inner.split(' as ').pop()})` : ''));
    if (next === key) break;
    key = next;
  }
  // copies of one generic function side by side, among them ordered by their type arguments
  return `${key} | ${full}`;
}

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

function leb(value) {
  const out = [];
  do {
    let b = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) b |= 0x80;
    out.push(b);
  } while (value > 0);
  return out;
}

const utf8 = new TextEncoder();
const text = new TextDecoder();
const withLength = (bytes) => [...leb(bytes.length), ...bytes]; // small arrays only

/**
 * `bytes` (a wasm module) with every function in its name section renamed by `key`; equal keys
 * get a zero-padded suffix in their original order, so sorting by name keeps ties as they were.
 * Throws when the module names no function: the ordering would silently do nothing.
 */
export function renameFunctions(bytes, key = orderKey) {
  if (bytes.length < 8 || text.decode(bytes.subarray(0, 4)) !== '\0asm') throw new Error('not a wasm module');
  const parts = [bytes.subarray(0, 8)];
  let renamed = 0;
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = readLeb(bytes, at + 1);
    const end = start + size;
    const [nameLength, nameStart] = readLeb(bytes, start);
    if (id === 0 && text.decode(bytes.subarray(nameStart, nameStart + nameLength)) === 'name') {
      // (parts, not spread arrays: a section holds hundreds of thousands of bytes)
      const body = [Uint8Array.from(withLength(utf8.encode('name')))];
      let sub = nameStart + nameLength;
      while (sub < end) {
        const subId = bytes[sub];
        const [subSize, subStart] = readLeb(bytes, sub + 1);
        const subEnd = subStart + subSize;
        if (subId === 1) {
          let [count, p] = readLeb(bytes, subStart);
          const seen = new Map();
          const entries = [Uint8Array.from(leb(count))];
          for (; count > 0; count--) {
            let index, length;
            [index, p] = readLeb(bytes, p);
            [length, p] = readLeb(bytes, p);
            const k = key(text.decode(bytes.subarray(p, p + length)));
            p += length;
            const n = seen.get(k) ?? 0;
            seen.set(k, n + 1);
            const renamedName = utf8.encode(`${k}#${String(n).padStart(6, '0')}`);
            entries.push(Uint8Array.from([...leb(index), ...leb(renamedName.length)]), renamedName);
            renamed++;
          }
          const names = Buffer.concat(entries);
          body.push(Uint8Array.from([1, ...leb(names.length)]), names);
        } else {
          body.push(bytes.subarray(sub, subEnd));
        }
        sub = subEnd;
      }
      const section = Buffer.concat(body);
      parts.push(Uint8Array.from([0, ...leb(section.length)]), section);
    } else {
      parts.push(bytes.subarray(at, end));
    }
    at = end;
  }
  if (renamed === 0) throw new Error('the module names no function (was its name section removed?)');
  return Buffer.concat(parts);
}

/** Orders and optimizes `path` in place with wasm-opt. */
export function optimize(path) {
  const ordered = `${path}.ordered`;
  writeFileSync(ordered, renameFunctions(readFileSync(path)));
  try {
    execFileSync('wasm-opt', [...FEATURES, '-Os', '-g', '--reorder-functions-by-name', ordered, '-o', path], { stdio: 'inherit' });
  } finally {
    rmSync(ordered, { force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? 'dist';
  const modules = readdirSync(dist).filter((f) => f.endsWith('.wasm'));
  if (modules.length === 0) throw new Error(`${dist} holds no .wasm (build the app first)`);
  for (const name of modules) {
    const before = readFileSync(join(dist, name)).length;
    optimize(join(dist, name));
    console.log(`  optimized ${name}: ${before} -> ${readFileSync(join(dist, name)).length} bytes`);
  }
  updateIntegrity(dist, modules);
}
