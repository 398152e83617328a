import { test, expect, dialog } from './fixtures';

// Issue #19: every read has a validator (crates/sandbox/src/validators.rs) and the browser keeps
// the answers, so reopening a case sends nothing that did not change.

test('reopening a case revalidates its reads: what did not change crosses the wire without a body (remove the validators and this fails)', async ({ page, sandbox, errors }) => {
  // the body bytes each read took on the wire (a 304 takes none: the browser answers the page
  // from its cache, so the page still sees a 200), and whether it asked with the tag it held
  let reads = new Map<string, { asked: boolean; body: number }>();
  page.on('requestfinished', async (r) => {
    const path = new URL(r.url()).pathname;
    if (!path.startsWith('/v1/cases/1001') || path.endsWith('/events')) return;
    const asked = 'if-none-match' in (await r.allHeaders());
    reads.set(path, { asked, body: (await r.sizes()).responseBodySize });
  });
  await page.goto('/casos/1001');
  const d = dialog(page);
  await expect(d.getByRole('tabpanel')).toContainText('João da Silva Conceição');
  await expect.poll(() => reads.size).toBe(8);
  expect([...reads.values()].every((r) => !r.asked && r.body > 0)).toBe(true);
  reads = new Map();
  await page.keyboard.press('Escape');
  await page.locator('a[href="/casos/1001"]').click();
  await expect(d.getByRole('tabpanel')).toContainText('João da Silva Conceição');
  await expect.poll(() => reads.size).toBe(8);
  for (const [path, r] of reads) expect(r.asked, path).toBe(true);
  const unchanged = [...reads].filter(([, r]) => r.body === 0).map(([path]) => path).sort();
  // the SLA answer carries the server's clock, so it is a new answer every time
  expect(unchanged).toEqual([
    '/v1/cases/1001', '/v1/cases/1001/attachments', '/v1/cases/1001/calls', '/v1/cases/1001/customer-cases',
    '/v1/cases/1001/history', '/v1/cases/1001/interactions', '/v1/cases/1001/surveys',
  ]);
  expect(reads.get('/v1/cases/1001/sla')!.body).toBeGreaterThan(0);
});

test('a change made while the case was closed is seen on reopening (a validator that missed it would show the old list)', async ({ page, sandbox, errors }) => {
  await page.goto('/casos/1001/ligacoes');
  const d = dialog(page);
  await expect(d.getByRole('tabpanel').getByRole('status').first()).toHaveText('8 de 8 registros');
  await page.keyboard.press('Escape');
  await sandbox.activity({ kind: 'call', case_id: 1001, status: 'answered' });
  await page.locator('a[href="/casos/1001"]').click();
  await d.getByRole('tab', { name: /^Histórico de Ligações/ }).click();
  await expect(d.getByRole('tabpanel').getByRole('status').first()).toHaveText('9 de 9 registros');
});
