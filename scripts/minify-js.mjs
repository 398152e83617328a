// Minifies the JavaScript Trunk leaves unminified in dist/ and keeps index.html's integrity
// hashes true. Trunk's `minify` tries on wasm-bindgen's glue and gives up (its minifier cannot
// parse `export { __wbg_init as default }`), so the glue shipped with its comments and long
// names: 10.2 KB brotli, 8.0 KB minified. The embed's custom-element script is minified too.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';
import { updateIntegrity } from './sri.mjs';

const dist = process.argv[2] ?? 'dist';
const scripts = readdirSync(dist).filter((f) => f.endsWith('.js'));
for (const name of scripts) {
  const path = join(dist, name);
  const source = readFileSync(path, 'utf8');
  // Both are ES modules; `module` lets terser rename top-level names that are not exported.
  const out = await minify(source, {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    format: { comments: false },
  });
  if (!out.code || out.code.length >= source.length) continue;
  writeFileSync(path, out.code);
  console.log(`  minified ${name}: ${source.length} -> ${out.code.length} bytes`);
}

updateIntegrity(dist, scripts);
