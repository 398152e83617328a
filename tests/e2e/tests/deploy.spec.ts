import { test as base, expect, Page } from '@playwright/test';
import { spawn, ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, trackErrors } from './fixtures';
// @ts-expect-error: a plain ES module of the build scripts, no types
import { updateIntegrity } from '../../../scripts/sri.mjs';

// Issue #19: the app's files have content-hashed names and are kept a year; the fixed-name loader
// and the page are revalidated on every load (scripts/fingerprint.mjs, crates/sandbox/src/web.rs).

const HASHED = /-[0-9a-f]{16}(_bg\.wasm|\.js|\.css)$/;

/** What each request of `page` took on the wire, once `done()` is awaited (before the page
 *  closes): `wire` all its bytes (0: answered from the cache, never asked), `body` its body's
 *  (0 too for a 304). */
function transfers(page: Page) {
  const seen: Promise<{ path: string; wire: number; body: number }>[] = [];
  page.on('requestfinished', (r) => {
    seen.push(r.sizes().then((s) => ({
      path: new URL(r.url()).pathname,
      // Chromium reports a cache hit as a body of minus its headers: nothing came
      wire: Math.max(0, s.responseHeadersSize + s.responseBodySize),
      body: Math.max(0, s.responseBodySize),
    })));
  });
  return { done: () => Promise.all(seen) };
}

test('a second load takes no wasm, JS or CSS from the server: hashed files come from the cache unasked, the loader is revalidated (serve them without a year-long `immutable` and this fails)', async ({ page, sandbox, errors }) => {
  // the first load, each page until its app is running (leaving earlier would cancel the wasm's
  // download, and the second load would rightly fetch it)
  await page.goto('/casos/1001');
  await expect(page.getByRole('dialog', { name: 'Informações do Atendimento' })).toContainText('João da Silva Conceição');
  await page.goto('/examples/host.html');
  await page.getByRole('button', { name: 'Open case #1001' }).click();
  await expect(page.getByRole('dialog', { name: 'Informações do Atendimento' })).toContainText('João da Silva Conceição');
  await page.goto('about:blank');
  const seen = transfers(page);
  await page.goto('/casos/1001');
  await expect(page.getByRole('dialog', { name: 'Informações do Atendimento' })).toContainText('João da Silva Conceição');
  await page.goto('/examples/host.html');
  await page.getByRole('button', { name: 'Open case #1001' }).click();
  await expect(page.getByRole('dialog', { name: 'Informações do Atendimento' })).toContainText('João da Silva Conceição');
  const files = (await seen.done()).filter((s) => /\.(wasm|js|css)$/.test(s.path));
  const hashed = files.filter((s) => HASHED.test(s.path));
  // every hashed file was used (glue, wasm and the three stylesheets: theme, app, standalone),
  // and none was even asked for
  expect(new Set(hashed.map((s) => s.path.replace(/-[0-9a-f]{16}/, ''))).size).toBe(5);
  expect(hashed.filter((s) => s.wire > 0)).toEqual([]);
  // the loader was asked about, and answered without a body (304)
  const loader = files.filter((s) => s.path === '/cvortex-case-details-element.js');
  expect(loader.length).toBeGreaterThan(0);
  expect(loader.every((s) => s.wire > 0 && s.body === 0)).toBe(true);
  // and what the server says of each: kept a year and never revalidated, or revalidated always
  for (const path of new Set(hashed.map((s) => s.path))) {
    const res = await page.request.get(path);
    expect(res.headers()['cache-control'], path).toBe('public, max-age=31536000, immutable');
  }
  const res = await page.request.get('/cvortex-case-details-element.js');
  expect(res.headers()['cache-control']).toBe('no-cache');
  expect(res.headers()['etag']).toMatch(/^W\/"[0-9a-f]{16}-[0-9a-f]+"$/);
});

/** A sandbox of its own, serving a copy of dist/ that the test deploys a new build into. */
class OwnServer {
  proc: ChildProcess;
  constructor(readonly dist: string, readonly base: string, db: string) {
    const target = resolve('../..', process.env.CARGO_TARGET_DIR ?? 'target');
    const addr = new URL(base).host;
    this.proc = spawn(`${target}/debug/sandbox`, ['--addr', addr, '--db', db, '--reset', '--dist', dist], {
      stdio: 'ignore',
      env: { ...process.env, SANDBOX_ADMIN_TOKEN: 'deploy-test' },
    });
  }
  async ready() {
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(this.base + '/')).ok) return;
      } catch { /* not up yet */ }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the sandbox at ${this.base} did not start`);
  }
}

/**
 * Deploys "the next build" into `dist`: the wasm, the glue and the stylesheet each change (a
 * custom section, a line, a comment), so each gets a new hashed name; what names them is
 * rewritten, integrity included, and the previous build's files are deleted, so a page that
 * paired an old file with a new one would fail to load. Gives the old names and the new ones.
 */
function deploy(dist: string) {
  const files = readdirSync(dist);
  for (const f of files.filter((f) => /\.(br|gz)$/.test(f))) rmSync(join(dist, f));
  const named = (old: string, bytes: Buffer) => {
    const ext = /(_bg\.wasm|\.js|\.css)$/.exec(old)![1];
    const stem = old.slice(0, -ext.length).replace(/-[0-9a-f]{16}$/, '');
    return `${stem}-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}${ext}`;
  };
  const renames = new Map<string, string>();
  const replace = (text: string) => [...renames].reduce((t, [a, b]) => t.split(a).join(b), text);
  const put = (old: string, bytes: Buffer) => {
    const name = named(old, bytes);
    writeFileSync(join(dist, name), bytes);
    rmSync(join(dist, old));
    renames.set(old, name);
  };
  const wasm = files.find((f) => f.endsWith('_bg.wasm'))!;
  const section = Buffer.concat([Buffer.from([0, 7, 5]), Buffer.from('build'), Buffer.from('B')]);
  put(wasm, Buffer.concat([readFileSync(join(dist, wasm)), section]));
  const css = files.find((f) => /^app-.*\.css$/.test(f))!;
  put(css, Buffer.from(readFileSync(join(dist, css), 'utf8') + '/* build B */'));
  const glue = files.find((f) => HASHED.test(f) && f.endsWith('.js'))!;
  put(glue, Buffer.from(replace(readFileSync(join(dist, glue), 'utf8')) + '\nglobalThis.cvBuild = "B";'));
  for (const f of ['index.html', 'cvortex-case-details-element.js']) {
    writeFileSync(join(dist, f), replace(readFileSync(join(dist, f), 'utf8')));
  }
  updateIntegrity(dist, [...renames.values()]);
  return { replaced: [...renames.keys()], after: [...renames.values()] };
}

base('after a deploy, the next load gets the new build whole: never an old file with a new one (serve the loader from the cache and this fails)', async ({ page }) => {
  const errors = trackErrors(page);
  const dir = mkdtempSync(join(tmpdir(), 'cvortex-deploy-'));
  const dist = join(dir, 'dist');
  cpSync(resolve('../../dist'), dist, { recursive: true });
  const port = Number((process.env.E2E_ADDR ?? '127.0.0.1:8090').split(':')[1]) + 1;
  const server = new OwnServer(dist, `http://127.0.0.1:${port}`, join(dir, 'sandbox.db'));
  try {
    await server.ready();
    const open = async (path: string) => {
      await page.goto(server.base + path);
      if (path.startsWith('/examples/')) await page.getByRole('button', { name: 'Open case #1001' }).click();
      await expect(page.getByRole('dialog', { name: 'Informações do Atendimento' })).toContainText('João da Silva Conceição');
    };
    for (const path of ['/casos/1001', '/examples/host.html']) await open(path);
    expect(await page.evaluate(() => (globalThis as any).cvBuild)).toBeUndefined();

    const { replaced, after } = deploy(dist);
    expect(after).toHaveLength(3);
    for (const path of ['/casos/1001', '/examples/host.html']) {
      const asked: string[] = [];
      page.on('request', (r) => asked.push(new URL(r.url()).pathname.slice(1)));
      await open(path);
      // the new glue ran, with the new wasm and the new styles; nothing of the old build was asked for
      expect(await page.evaluate(() => (globalThis as any).cvBuild), path).toBe('B');
      expect(asked.filter((f) => replaced.includes(f)), path).toEqual([]);
      const sheets = await page.evaluate(() => [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => new URL((l as HTMLLinkElement).href).pathname.slice(1)));
      expect(sheets.filter((s) => s.startsWith('app-')), path).toEqual([after.find((f) => f.startsWith('app-'))]);
      // the widget's styles applied: the dialog is laid out as the stylesheet says
      expect(await page.getByRole('dialog').evaluate((d) => getComputedStyle(d).display), path).toBe('flex');
    }
    expect(errors).toEqual([]);
  } finally {
    server.proc.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
