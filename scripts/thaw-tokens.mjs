// Writes style/theme.css: thaw's design tokens (its Fluent light and dark themes) as CSS custom
// properties on the widget's roots, so style/app.css and style/standalone.css read every colour
// from one theme. thaw's runtime ConfigProvider would write the same properties from Rust, but it
// costs 14.7 KB of bundle, so they come from this generated stylesheet instead.
//
// Source: thaw's own code in the cargo registry (the version Cargo.lock pins):
//   src/theme/color.rs   ColorTheme::light(), ColorTheme::dark()
//   src/theme/common.rs  CommonTheme::new()
// named as thaw_macro's WriteCSSVars derive names them (snake_case field -> --camelCase).
// Only the tokens the two stylesheets reference with var(--…) are written; a var(--x) that is
// neither a thaw token nor the project's own (--cv-…) is an error, as is a brand token without a
// rule in BRAND below. Where a stylesheet must write a value out (standalone.css's <body> is
// outside the widget's roots), it marks it `/* thaw: light|dark|common tokenName */`, and a value
// that is no longer thaw's is an error too.
//
// Usage: node scripts/thaw-tokens.mjs           writes style/theme.css
//        node scripts/thaw-tokens.mjs --check   exits 1 if style/theme.css differs from what it
//                                               would write (thaw upgraded, a token added or
//                                               dropped in the stylesheets, a hand edit)
// Needs thaw's sources in the registry (any cargo build or `cargo fetch` puts them there).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'style/theme.css');
const SCANNED = ['style/app.css', 'style/standalone.css'];

/**
 * The tokens are set on the element that carries data-cv-theme (<html> standalone, the widget's
 * mount element embedded) and inherited from there, so the nearest choice wins: a light widget
 * inside a dark ancestor stays light. The widget's two roots get the light set themselves only
 * when nothing above them chose (a component test's bare page), with no specificity, so the dark
 * sets win should one of them carry data-cv-theme itself.
 */
const ROOTS = ['.cv-overlay', '.cv-start'];
const LIGHT = `[data-cv-theme], :where(:is(${ROOTS.join(', ')}):not([data-cv-theme] *))`;
const DARK = '[data-cv-theme="dark"]';
const AUTO = '[data-cv-theme="auto"]';

/** The host's brand colour, set on the themed element or an ancestor. */
const CUSTOM = '--cv-brand-custom';
/**
 * What replaces thaw's value of each brand token when the host sets --cv-brand-custom: [light,
 * dark], each '' (the custom colour itself) or a mix: 'N% black' darkens it (hover 85 %, pressed
 * 70 %), 'N% white' lightens it. Light follows thaw's ColorTheme::custom_light (the base colour for
 * backgrounds, foregrounds and strokes, darker steps for hover and pressed, pale tints for
 * background 2 and stroke 2). Dark follows ColorTheme::custom_dark in lightening foregrounds and
 * strokes (a brand colour made for white pages is rarely legible as text on #292929) and darkening
 * background 2 and stroke 2; the filled background stays the custom colour, as in light.
 */
const BRAND = {
  colorBrandBackground: ['', ''],
  colorBrandBackgroundHover: ['85% black', '85% black'],
  colorBrandBackgroundPressed: ['70% black', '70% black'],
  colorBrandBackground2: ['10% white', '30% black'],
  colorBrandForeground1: ['', '60% white'],
  colorBrandForeground2: ['85% black', '50% white'],
  colorBrandForegroundLink: ['85% black', '60% white'],
  colorBrandForegroundLinkHover: ['70% black', '50% white'],
  colorBrandForegroundLinkPressed: ['60% black', '70% white'],
  colorBrandStroke1: ['', '60% white'],
  colorBrandStroke2: ['30% white', '60% black'],
  colorBrandStroke2Contrast: ['30% white', '60% black'],
  colorCompoundBrandBackground: ['', '60% white'],
  colorCompoundBrandBackgroundHover: ['85% black', '50% white'],
  colorCompoundBrandBackgroundPressed: ['70% black', '70% white'],
  colorCompoundBrandForeground1: ['', '60% white'],
  colorCompoundBrandForeground1Hover: ['85% black', '50% white'],
  colorCompoundBrandForeground1Pressed: ['70% black', '70% white'],
  colorCompoundBrandStroke: ['', '60% white'],
  colorCompoundBrandStrokePressed: ['70% black', '70% white'],
  colorNeutralForeground2BrandHover: ['', '60% white'],
  colorNeutralForeground2BrandPressed: ['85% black', '70% white'],
  colorNeutralForeground2BrandSelected: ['', '60% white'],
};
const isBrand = (token) => /^color(Brand|CompoundBrand|NeutralForeground2Brand)/.test(token);
/** '85% black' -> --cv-brand-custom-85-black */
const mixVar = (mix) => `${CUSTOM}-${mix.replace(/% /, '-')}`;
const mixValue = (mix) => {
  const [, pct, other] = /^(\d+)% (black|white)$/.exec(mix);
  return `color-mix(in srgb, var(${CUSTOM}) ${pct}%, ${other})`;
};

/** thaw_macro 0.1.0's to_camel_case, char for char: a non-alphanumeric capitalises the next one. */
export function toCamelCase(s) {
  let out = '';
  let capitalizeNext = false;
  for (const c of s) {
    if (/[\p{L}\p{N}]/u.test(c)) {
      out += capitalizeNext ? c.toUpperCase() : c.toLowerCase();
      capitalizeNext = false;
    } else {
      capitalizeNext = true;
    }
  }
  return out;
}

/** An error the command reports as it is (exit 2: cannot read thaw; 1: the stylesheets need a fix). */
class TokenError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}
function fail(message, code = 1) {
  throw new TokenError(message, code);
}

/** thaw's version as Cargo.lock pins it. */
function thawVersion() {
  const lock = readFileSync(join(ROOT, 'Cargo.lock'), 'utf8');
  const m = /\[\[package\]\]\nname = "thaw"\nversion = "([^"]+)"/.exec(lock);
  if (!m) fail('no thaw package in Cargo.lock', 2);
  return m[1];
}

/** thaw's source directory in the cargo registry: $CARGO_HOME/registry/src/<any index>/thaw-<version>. */
function thawDir(version) {
  const registry = join(process.env.CARGO_HOME || join(homedir(), '.cargo'), 'registry', 'src');
  const indexes = existsSync(registry) ? readdirSync(registry).sort() : [];
  for (const index of indexes) {
    const dir = join(registry, index, `thaw-${version}`);
    if (existsSync(join(dir, 'src/theme/color.rs'))) return dir;
  }
  fail(`thaw-${version} is not in ${registry}/*/ (run \`cargo fetch\` first)`, 2);
}

/** The struct's field names, in declaration order. */
function structFields(src, name) {
  const m = new RegExp(`pub struct ${name} \\{([^}]*)\\}`).exec(src);
  if (!m) fail(`no struct ${name}`, 2);
  return [...m[1].matchAll(/^\s*([a-z0-9_]+)\s*:/gm)].map((f) => f[1]);
}

/** `field: "value".into(),` lines of `fn <fn>()`'s body, checked against the struct's fields. */
function fnValues(src, fn, fields, where) {
  const start = src.indexOf(`pub fn ${fn}() -> Self {`);
  if (start < 0) fail(`no fn ${fn}() in ${where}`, 2);
  const next = src.indexOf('\n    pub fn ', start + 1);
  const body = src.slice(start, next < 0 ? undefined : next);
  const values = new Map();
  for (const [, field, value] of body.matchAll(/^\s*([a-z0-9_]+):\s*"([^"]*)"\.into\(\),?\s*$/gm)) {
    values.set(field, value);
  }
  const missing = fields.filter((f) => !values.has(f));
  const extra = [...values.keys()].filter((f) => !fields.includes(f));
  if (missing.length || extra.length) {
    fail(`could not read ${where} ${fn}(): ${[...missing.map((f) => `no value for ${f}`), ...extra.map((f) => `unknown field ${f}`)].join(', ')}`, 2);
  }
  return new Map(fields.map((f) => [toCamelCase(f), values.get(f)]));
}

/** The tokens a stylesheet reads, in order of first use. */
function referenced(file) {
  const css = readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  return [...css.matchAll(/var\(\s*--([A-Za-z0-9_-]+)/g)].map((m) => m[1]);
}

export function generate() {
  const version = thawVersion();
  const dir = thawDir(version);
  const colorSrc = readFileSync(join(dir, 'src/theme/color.rs'), 'utf8');
  const commonSrc = readFileSync(join(dir, 'src/theme/common.rs'), 'utf8');
  const colorFields = structFields(colorSrc, 'ColorTheme');
  const commonFields = structFields(commonSrc, 'CommonTheme');
  const light = fnValues(colorSrc, 'light', colorFields, 'ColorTheme');
  const dark = fnValues(colorSrc, 'dark', colorFields, 'ColorTheme');
  const common = fnValues(commonSrc, 'new', commonFields, 'CommonTheme');

  const used = new Set();
  for (const file of SCANNED) {
    for (const name of referenced(file)) {
      if (name.startsWith('cv-')) continue;
      if (!light.has(name) && !common.has(name)) fail(`${file} reads var(--${name}), which thaw ${version} does not define`);
      used.add(name);
    }
  }
  // Values the stylesheets must write out (outside the widget's roots, e.g. standalone.css's
  // <body>) are marked `value; /* thaw: light|dark|common tokenName */`: each must still be thaw's.
  const themes = { light, dark, common };
  for (const file of SCANNED) {
    const css = readFileSync(join(ROOT, file), 'utf8');
    for (const m of css.matchAll(/:\s*([^;{}]+?)\s*;\s*\/\*\s*thaw:\s*(\w+)\s+(\w+)\s*\*\//g)) {
      const [, written, theme, token] = m;
      const line = css.slice(0, m.index).split('\n').length;
      const expected = themes[theme]?.get(token);
      if (expected === undefined) fail(`${file}:${line}: thaw ${version} has no ${theme} ${token}`);
      if (written !== expected) fail(`${file}:${line}: ${written} is not thaw ${version}'s ${theme} ${token} (${expected}): update it`);
    }
  }

  // thaw's order (common first, as its ConfigProvider writes them), not the stylesheets'
  const commonUsed = [...common.keys()].filter((t) => used.has(t));
  const colorUsed = [...light.keys()].filter((t) => used.has(t));
  for (const t of colorUsed.filter(isBrand)) {
    if (!BRAND[t]) fail(`${t} is a brand token with no rule for --cv-brand-custom: add it to BRAND in scripts/thaw-tokens.mjs`);
  }

  const mixes = new Set();
  const value = (theme, values, t) => {
    if (!isBrand(t)) return values.get(t);
    const mix = BRAND[t][theme === 'light' ? 0 : 1];
    if (!mix) return `var(${CUSTOM}, ${values.get(t)})`;
    mixes.add(mix);
    return `var(${mixVar(mix)}, ${values.get(t)})`;
  };
  const lightDecls = colorUsed.map((t) => [t, value('light', light, t)]);
  const darkDecls = colorUsed.map((t) => [t, value('dark', dark, t)]);
  // the dark blocks repeat only what differs from light
  const darkOnly = darkDecls.filter(([t, v]) => v !== lightDecls.find(([l]) => l === t)[1]);
  const order = (m) => [m.endsWith('black'), -parseInt(m, 10)];
  const mixList = [...mixes].sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    return x[0] === y[0] ? x[1] - y[1] : x[0] ? 1 : -1;
  });

  const decl = ([t, v], indent) => `${indent}--${t}: ${v};`;
  const block = (selector, decls, indent = '') =>
    [`${indent}${selector} {`, ...decls.map((d) => decl(d, indent + '  ')), `${indent}}`].join('\n');

  const header = `/* GENERATED FILE, do not edit by hand: run \`node scripts/thaw-tokens.mjs\` (\`--check\` fails
   when this file is out of date). From thaw ${version}'s own sources in the cargo registry:
   ColorTheme::light() and ColorTheme::dark() (src/theme/color.rs) and CommonTheme::new()
   (src/theme/common.rs), named as its WriteCSSVars derive names them. Only the tokens
   style/app.css and style/standalone.css read.

   Theme: set on the element with data-cv-theme (<html>, or the widget's mount element) and
   inherited, so the nearest choice wins: light by default; dark for data-cv-theme="dark", or
   data-cv-theme="auto" and the system prefers dark.

   Brand: a host may set --cv-brand-custom (a colour) on that element or an ancestor. Brand
   tokens then take it, or a color-mix() of it (hover: 85 % of it with black, pressed: 70 %;
   dark-theme foregrounds and strokes lightened with white so they stay legible on dark
   surfaces), and keep thaw's own values when it is unset. The mixes are intermediate properties
   (--cv-brand-custom-N-black|white) that read var(--cv-brand-custom) with no fallback: unset,
   that makes them invalid at computed-value time, i.e. unset, so each token's
   var(--cv-brand-custom-…, <thaw value>) falls back to thaw's exact value. (Deriving them from a
   --cv-brand: var(--cv-brand-custom, #0f6cbd) instead would replace thaw's hover and pressed
   values with approximations even without a custom brand.) */`;

  const lightAll = [
    ...commonUsed.map((t) => [t, common.get(t)]),
    ...mixList.map((m) => [mixVar(m).slice(2), mixValue(m)]),
    ...lightDecls,
  ];
  return [
    header,
    '',
    block(LIGHT, lightAll),
    '',
    block(DARK, darkOnly),
    '',
    '@media (prefers-color-scheme: dark) {',
    block(AUTO, darkOnly, '  '),
    '}',
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  if (args.some((a) => a !== '--check')) {
    console.error('usage: node scripts/thaw-tokens.mjs [--check]');
    process.exit(2);
  }
  let css;
  try {
    css = generate();
  } catch (e) {
    if (!(e instanceof TokenError)) throw e;
    console.error(`thaw-tokens: ${e.message}`);
    process.exit(e.code);
  }
  const rel = relative(process.cwd(), OUT) || OUT;
  if (args.includes('--check')) {
    const current = existsSync(OUT) ? readFileSync(OUT, 'utf8') : null;
    if (current === css) {
      console.log(`${rel} is up to date with thaw's tokens`);
    } else {
      const lines = (text) => text.replace(/\n$/, '').split('\n');
      const a = lines(current ?? '');
      const b = lines(css);
      const show = (line) => (line === undefined ? '(end of file)' : line === '' ? '(empty line)' : line);
      let i = 0;
      while (i < a.length && i < b.length && a[i] === b[i]) i++;
      console.error(
        current === null
          ? `thaw-tokens: ${rel} is missing`
          : `thaw-tokens: ${rel} is out of date (first difference at line ${i + 1}:\n  committed: ${show(a[i])}\n  expected:  ${show(b[i])})`,
      );
      console.error('Regenerate it with `node scripts/thaw-tokens.mjs` and commit the result; do not edit it by hand.');
      process.exit(1);
    }
  } else {
    writeFileSync(OUT, css);
    console.log(`wrote ${rel}`);
  }
}
