// exploratory: trace of tab switches (not committed)
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
const BASE = 'http://127.0.0.1:8096';
const child = spawn('target/release/sandbox', ['--addr', '127.0.0.1:8096', '--db', 'target/bench/probe.db', '--reset', '--generate', '10000', '--dist', 'dist'], { stdio: 'ignore' });
for (let i = 0; i < 300; i++) { try { if ((await fetch(BASE + '/')).ok) break; } catch {} await new Promise(r => setTimeout(r, 200)); }
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto(BASE + '/examples/host.html'); await page.click('#open-1001'); await page.getByRole('tab', { name: /^SLA/ }).waitFor();
const TABS = ['Dados do Caso', 'Histórico do Caso', 'Histórico do Cliente', 'Histórico de Ligações', 'Interações', 'SLA', 'Anexos', 'Pesquisa de Satisfação'];
const root = "(document.querySelector('cvortex-case-details')?.shadowRoot ?? document)";
for (const t of TABS) { await page.evaluate(`[...${root}.querySelectorAll('[role=tab]')].find(x => x.textContent.startsWith(${JSON.stringify(t)})).click()`); await page.waitForTimeout(400); }
const target = process.argv[2] ?? 'Histórico do Cliente';
await browser.startTracing(page, { path: '/tmp/trace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink'] });
for (let i = 0; i < 10; i++) {
  await page.evaluate(`[...${root}.querySelectorAll('[role=tab]')].find(x => x.textContent.startsWith('SLA')).click()`); await page.waitForTimeout(150);
  await page.evaluate(`performance.mark('sw'); [...${root}.querySelectorAll('[role=tab]')].find(x => x.textContent.startsWith(${JSON.stringify(target)})).click()`); await page.waitForTimeout(150);
}
await browser.stopTracing();
const ev = JSON.parse(readFileSync('/tmp/trace.json')).traceEvents.filter(e => e.ph === 'X' && e.dur);
const by = {};
for (const e of ev) { by[e.name] = (by[e.name] ?? 0) + e.dur / 1000; }
console.log(Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${k}: ${(v / 20).toFixed(2)} ms/switch`).join('\n'));
await browser.close(); child.kill();
