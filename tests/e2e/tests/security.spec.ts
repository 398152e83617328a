import { test, expect, dialog, everyTab } from './fixtures';

// The app under the strict Content-Security-Policy the sandbox sends (and the cVortex host should):
// the policy is as strict as documented, and the app needs nothing looser (a violation in the page
// fails the test). Tenant isolation as the user meets it.

test('the page is served with the strict policy', async ({ request }) => {
  const res = await request.get('/casos/1001');
  const csp = res.headers()['content-security-policy'];
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  expect(directives['script-src']).toContain("'wasm-unsafe-eval'");
  expect(directives['script-src']).not.toContain("'unsafe-inline'");
  expect(directives['script-src']).not.toContain("'unsafe-eval'");
  expect(directives['script-src'].some((s: string) => s.startsWith("'nonce-"))).toBe(true);
  expect(directives['object-src']).toEqual(["'none'"]);
  expect(directives['base-uri']).toEqual(["'none'"]);
  // exactly what the sandbox is configured with: `*` or a missing directive would let anyone frame it
  expect(directives['frame-ancestors']).toEqual(["'self'"]);
  // a fresh nonce per answer
  const again = (await request.get('/casos/1001')).headers()['content-security-policy'];
  expect(again).not.toEqual(csp);
});

test('every HTML answer carries the policy, by any spelling of its path', async ({ request, baseURL }) => {
  // the review framed these: ServeDir decoded and served them as files, without the policy
  const origin = new URL(baseURL!).origin;
  for (const path of ['//index.html', '/%69ndex.html', '/index.html', '/examples/host.html', '/casos/1001']) {
    const res = await request.get(origin + path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()['content-type'], path).toContain('text/html');
    const csp = res.headers()['content-security-policy'];
    expect(csp, path).toContain("frame-ancestors 'self'");
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[0-9a-f]+'/);
    // the nonce in the policy is the one in the page (never the build's placeholder)
    const body = await res.text();
    expect(body, path).not.toContain('__TRUNK NONCE__');
  }
});

test('the app works through every tab without any policy violation', async ({ page, sandbox, errors }) => {
  await page.addInitScript(() => {
    (window as any).__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as any).__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto('/');
  await page.locator('a[href="/casos/1001"]').click();
  await everyTab(dialog(page));
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
});

test("another tenant's case is not found, and says so on every tab", async ({ page, sandbox, errors }) => {
  await page.goto('/casos/2001');
  const d = dialog(page);
  const tabs = d.getByRole('tab');
  await expect(tabs).toHaveCount(8);
  for (let i = 0; i < 8; i++) {
    await tabs.nth(i).click();
    // the tab's answer has arrived (its error shows) before looking for what must not be there
    await expect(d.getByRole('tabpanel').getByRole('alert')).toContainText('Não encontrado');
    for (const theirs of ['Caso de outra empresa', 'Caso de outro tenant', 'Luís Gustavo Martins', 'luis.martins@exemplo.com.br']) {
      await expect(d).not.toContainText(theirs);
    }
  }
});
