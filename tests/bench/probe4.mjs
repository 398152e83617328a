// exploratory: main-thread tasks while the modal loads (not committed)
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
const BASE = 'http://127.0.0.1:8096';
const child = spawn('target/release/sandbox', ['--addr', '127.0.0.1:8096', '--db', 'target/bench/probe.db', '--reset', '--generate', '10000', '--dist', 'dist'], { stdio: 'ignore' });
for (let i = 0; i < 300; i++) { try { if ((await fetch(BASE + '/')).ok) break; } catch {} await new Promise(r => setTimeout(r, 200)); }
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
for (let i = 0; i < 3; i++) { await page.goto(BASE + '/'); await page.locator('a[href="/casos/1001"]').click(); await page.locator('[role=tablist] .cv-badge').nth(6).waitFor(); }
await page.goto(BASE + '/'); await page.locator('a[href="/casos/1001"]').waitFor();
await browser.startTracing(page, { path: '/tmp/trace2.json', categories: ['devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline'] });
await page.evaluate(async () => {
  const mt = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
  document.querySelector('a[href="/casos/1001"]').click();
  while (document.querySelectorAll('[role=tablist] .cv-badge').length < 7) await mt();
});
await browser.stopTracing();
const all = JSON.parse(readFileSync('/tmp/trace2.json')).traceEvents;
const click = all.find(e => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
const main = all.filter(e => e.tid === click.tid && e.ph === 'X' && e.name === 'RunTask' && e.ts >= click.ts - 1000).sort((a, b) => a.ts - b.ts);
let busy = 0;
for (const e of main) { if (e.dur > 3000) console.log(((e.ts - click.ts) / 1000).toFixed(0).padStart(5), (e.dur / 1000).toFixed(1).padStart(6)); busy += e.dur; }
const fin = all.filter(e => e.name === 'ResourceFinish' || e.name === 'ResourceReceiveResponse').map(e => `${e.name} ${((e.ts - click.ts) / 1000).toFixed(0)} ${e.args?.data?.requestId ?? ''}`);
console.log(fin.join('\n'));
console.log('main busy', (busy / 1000).toFixed(0));
await browser.close(); child.kill();
