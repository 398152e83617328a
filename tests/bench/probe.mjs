// exploratory: where does a tab switch spend its time? (not committed)
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const BASE = 'http://127.0.0.1:8096';
const child = spawn('target/release/sandbox', ['--addr', '127.0.0.1:8096', '--db', 'target/bench/probe.db', '--reset', '--generate', process.argv[2] ?? '10000', '--dist', 'dist'], { stdio: 'ignore' });
for (let i = 0; i < 300; i++) { try { if ((await fetch(BASE + '/')).ok) break; } catch {} await new Promise(r => setTimeout(r, 200)); }
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
if (process.argv[3] === 'embed') { await page.goto(BASE + '/examples/host.html'); await page.click('#open-1001'); } else await page.goto(BASE + '/casos/1001');
const TABS = ['Dados do Caso', 'Histórico do Caso', 'Histórico do Cliente', 'Histórico de Ligações', 'Interações', 'SLA', 'Anexos', 'Pesquisa de Satisfação'];
for (const t of TABS) { await page.getByRole('tab', { name: new RegExp('^' + t) }).click(); await page.waitForTimeout(300); }
const out = await page.evaluate(async (TABS) => {
  const mt = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const find = (n) => [...(document.querySelector('cvortex-case-details')?.shadowRoot ?? document).querySelectorAll('[role=tab]')].find((t) => t.textContent.startsWith(n));
  const res = {}; let rafBefore = 0;
  for (const b of TABS) {
    const xs = [];
    for (let i = 0; i < 12; i++) {
      find(b === TABS[0] ? TABS[1] : TABS[0]).click(); await mt(); await frame(); await frame();
      let raf = null; requestAnimationFrame(() => { raf = performance.now(); }); let micro = null; const t0 = performance.now(); find(b).click(); const t1 = performance.now(); Promise.resolve().then(() => { micro = performance.now(); }); await mt(); const t2 = performance.now(); if (raf !== null) rafBefore++; 
      document.body.getBoundingClientRect(); const t3 = performance.now();
      xs.push([t1 - t0, t2 - t1, t3 - t2]);
    }
    const med = (k) => xs.map((x) => x[k]).sort((a, b) => a - b)[6].toFixed(1);
    res[b] = `click ${med(0)} / macrotask ${med(1)} / layout ${med(2)}`;
  }
  res.rafBefore = rafBefore; return res;
}, TABS);
console.log(out);
await browser.close(); child.kill();
