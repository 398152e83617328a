// A/B of the history-search keystroke: two builds (or a build and the plain-JS baseline) served
// side by side, each by its own sandbox, typed into in alternating blocks in one browser, so the
// machine's drift (it moved by 2x between runs of bench.mjs) falls on both alike. Prints, for
// each side, the work's median / p90 / p95 / mean, and per query its median / p90, split into
// script (the event and its effects) and style + layout. Writes nothing; judges nothing.
//
// Usage: [FLOOD=1] node tests/bench/ab.mjs DIST_A DIST_B|vanilla [N]
//   e.g. cp -r dist /tmp/before; (change, ./x build); node tests/bench/ab.mjs /tmp/before dist 10000
// With FLOOD=1, 100 customer WhatsApp messages a second are posted to #1001 on both sandboxes the
// whole time, Interações having been seen first (bench.mjs's "keystroke while messages arrive";
// the baseline reads none of them).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [distA, distB, n = '10000'] = process.argv.slice(2);
if (!distA || !distB) throw new Error('usage: node tests/bench/ab.mjs DIST_A DIST_B|vanilla [N]');
const sides = [{ dist: resolve(distA), port: 8096 }, { dist: distB === 'vanilla' ? null : resolve(distB), port: 8097 }];
// the benchmark's own sequence (bench.mjs): refining, then erasing
const QUERIES = ['e', 'es', 'est', 'esto', 'estor', 'estorn', 'estorno', 'estorn', 'estor', 'esto', 'est', 'es', 'e', ''];
const ROUNDS = 10;
const FLOOD = process.env.FLOOD === '1';
const ADMIN_TOKEN = 'ab-admin';
const target = resolve(ROOT, process.env.CARGO_TARGET_DIR ?? 'target');
mkdirSync(join(target, 'bench'), { recursive: true });

const sandboxes = sides.map((s, i) => spawn(join(target, 'release', 'sandbox'), [
  '--addr', `127.0.0.1:${s.port}`, '--db', join(target, 'bench', `ab-${i}-${n}.db`), '--reset',
  '--generate', n, '--demo-activity', '0', '--dist', s.dist ?? join(ROOT, 'dist'), ...(FLOOD ? ['--faults'] : []),
], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, SANDBOX_ADMIN_TOKEN: ADMIN_TOKEN } }));
let flooding = false;
// as bench.mjs's withFlood: 5 messages every 50 ms, to each sandbox
const flood = (port) => (async () => {
  while (flooding) {
    const t = Date.now();
    const res = await fetch(`http://127.0.0.1:${port}/__sandbox/activity`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-sandbox-token': ADMIN_TOKEN },
      body: JSON.stringify({ kind: 'message', case_id: 1001, channel: 'whatsapp', text: 'flood', count: 5 }),
    });
    if (!res.ok) throw new Error(`activity: ${res.status}`);
    await new Promise((r) => setTimeout(r, Math.max(0, 50 - (Date.now() - t))));
  }
})();

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
  return { median: q(0.5), p90: q(0.9), p95: q(0.95), mean: xs.reduce((a, b) => a + b, 0) / xs.length };
};
const f = (x) => x.toFixed(1).padStart(5);

try {
  for (const s of sides) {
    for (let i = 0; ; i++) {
      try { if ((await fetch(`http://127.0.0.1:${s.port}/`)).ok) break; } catch { /* not yet */ }
      if (i > 600) throw new Error('a sandbox did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  // as bench.mjs launches it: no page of the two is throttled while the other is in front
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-timer-throttling', '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows'],
  });
  const pages = [];
  for (const s of sides) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'pt-BR' });
    const base = `http://127.0.0.1:${s.port}`;
    if (s.dist) {
      await page.goto(`${base}/casos/1001/historico-do-caso`);
      await page.waitForFunction(() => document.querySelectorAll('[role=tablist] .cv-badge').length >= 7, null, { timeout: 120_000 });
      if (FLOOD) {
        // as bench.mjs: Interações seen first (its panel holds its messages), then the history
        await page.locator('[role=tab]', { hasText: 'Interações' }).click();
        await page.waitForTimeout(500);
        await page.locator('[role=tab]', { hasText: 'Histórico do Caso' }).click();
        await page.waitForTimeout(300);
      }
    } else {
      const vanilla = readFileSync(join(ROOT, 'tests', 'bench', 'vanilla.html'), 'utf-8');
      await page.route('**/__bench/vanilla*', (route) => route.fulfill({ body: vanilla, contentType: 'text/html' }));
      await page.goto(`${base}/__bench/vanilla?case=1001&token=demo-token-ana`);
      await page.waitForFunction(() => document.querySelector('#rows')?.children.length > 0, null, { timeout: 120_000 });
    }
    pages.push(page);
  }
  flooding = FLOOD;
  const floods = FLOOD ? sides.map((s) => flood(s.port)) : [];
  if (FLOOD) await new Promise((r) => setTimeout(r, 1000));
  // per side: every keystroke's [query index, script, style + layout]
  const runs = [[], []];
  for (let round = 0; round < ROUNDS; round++) {
    for (const k of round % 2 ? [1, 0] : [0, 1]) {
      await pages[k].bringToFront();
      const block = await pages[k].evaluate(async (queries) => {
        const input = document.querySelector('[role=tabpanel]:not([hidden]) input[type=search]') ?? document.querySelector('#search');
        const macrotask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
        const out = [];
        for (let i = 0; i < 2 * queries.length; i++) {
          const t0 = performance.now();
          input.value = queries[i % queries.length];
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await macrotask();
          const t1 = performance.now();
          document.body.getBoundingClientRect();
          out.push([i % queries.length, t1 - t0, performance.now() - t1]);
          await new Promise((r) => requestAnimationFrame(() => r()));
          await macrotask();
        }
        return out;
      }, QUERIES);
      runs[k].push(...block.slice(2));
    }
  }
  flooding = false;
  await Promise.all(floods);
  await browser.close();
  if (FLOOD) console.log('while 100 messages a second arrived at each side');
  sides.forEach((s, k) => {
    const all = stats(runs[k].map(([, a, b]) => a + b));
    console.log(`${'AB'[k]} ${s.dist ?? 'plain-JS baseline'}: median ${f(all.median)}  p90 ${f(all.p90)}  p95 ${f(all.p95)}  mean ${f(all.mean)} ms`);
  });
  console.log('\nper query, median / p90 ms:      A total       script       layout  |  B total       script       layout');
  QUERIES.forEach((q, i) => {
    const cols = runs.map((r) => {
      const mine = r.filter(([j]) => j === i);
      const one = (xs) => { const s = stats(xs); return `${f(s.median)} /${f(s.p90)}`; };
      return `${one(mine.map(([, a, b]) => a + b))} ${one(mine.map(([, a]) => a))} ${one(mine.map(([, , b]) => b))}`;
    });
    console.log(`${`${JSON.stringify(q)} (#${i})`.padEnd(16)} ${cols[0]}  | ${cols[1]}`);
  });
} finally {
  for (const s of sandboxes) s.kill();
}
