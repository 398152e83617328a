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
  expect(directives['frame-ancestors']).toBeTruthy();
  // a fresh nonce per answer
  const again = (await request.get('/casos/1001')).headers()['content-security-policy'];
  expect(again).not.toEqual(csp);
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
  await expect(d.getByRole('tabpanel').getByRole('alert')).toContainText('Não encontrado');
  await d.getByRole('tab', { name: /^Histórico do Cliente/ }).click();
  await expect(d.getByRole('tabpanel').getByRole('alert')).toContainText('Não encontrado');
  // nothing of it shows anywhere
  await expect(d).not.toContainText('Caso de outra empresa');
  await d.getByRole('tab', { name: /^Histórico do Caso/ }).click();
  await expect(d).not.toContainText('Caso de outro tenant');
});
