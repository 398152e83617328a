// exploratory: where does "all tabs loaded" go? (not committed)
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const BASE = 'http://127.0.0.1:8096';
const child = spawn('target/release/sandbox', ['--addr', '127.0.0.1:8096', '--db', 'target/bench/probe.db', '--reset', '--generate', '10000', '--dist', 'dist'], { stdio: 'ignore' });
for (let i = 0; i < 300; i++) { try { if ((await fetch(BASE + '/')).ok) break; } catch {} await new Promise(r => setTimeout(r, 200)); }
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
const totals = []; for (let rep = 0; rep < 12; rep++) {
  await page.goto(BASE + '/');
  await page.locator('a[href="/casos/1001"]').waitFor();
  const r = await page.evaluate(async () => {
    const mt = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
    performance.clearResourceTimings();
    const t0 = performance.now();
    document.querySelector('a[href="/casos/1001"]').click();
    while (document.querySelectorAll('[role=tablist] .cv-badge').length < 7) await mt();
    const t1 = performance.now();
    const res = performance.getEntriesByType('resource').filter((e) => e.name.includes('/v1/')).map((e) => `${e.name.replace(/.*\/v1\/cases\/1001/, '') || 'case'} start ${(e.startTime - t0).toFixed(0)} ttfb ${(e.responseStart - t0).toFixed(0)} end ${(e.responseEnd - t0).toFixed(0)} size ${(e.encodedBodySize / 1e6).toFixed(2)}MB/${(e.decodedBodySize / 1e6).toFixed(2)}MB`);
    return { total: (t1 - t0).toFixed(0), res };
  });
  totals.push(+r.total); if (rep >= 10) console.log(JSON.stringify(r, null, 1));
}
totals.sort((a,b)=>a-b); console.log("totals", totals.join(" "), "median", totals[6]);
await browser.close(); child.kill();
