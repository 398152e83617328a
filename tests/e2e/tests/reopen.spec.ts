import { test, expect, dialog } from './fixtures';

// Issue #19: every read has a validator (crates/sandbox/src/validators.rs) and the browser keeps
// the answers, so reopening a case sends nothing that did not change.

test('loading a case again revalidates its reads: what did not change crosses the wire without a body (remove the validators and this fails)', async ({ page, sandbox, errors }) => {
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
  // a new page (within one page the case would open from memory, reading nothing)
  await page.goto('/casos/1001');
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

// Recent cases in memory: closing a case keeps what its tabs showed; opening it again shows that at
// once, and the live stream resumes after the last event it took, so a change made meanwhile
// arrives without reading the lists again.
// Closed, the standalone modal stays in the page, hidden, its stream paused (opening it again has
// nothing to build); a case another one replaced in the modal is among the recent cases. Both ways
// back show it at once and resume its stream.
for (const way of ['closed', 'replaced by another case'] as const) test(`a case opened again (${way}) shows from memory at once, without reading its lists (but SLA), then shows a change made meanwhile (drop the memory and this fails)`, async ({ page, sandbox, errors }) => {
  await page.goto('/casos/1001/ligacoes');
  const d = dialog(page);
  const count = d.getByRole('tabpanel').getByRole('status').first();
  await expect(count).toHaveText('8 de 8 registros');
  await expect(d.locator('.cv-link--live')).toBeVisible();
  await page.keyboard.press('Escape');
  if (way === 'replaced by another case') {
    await page.locator('a[href="/casos/1002"]').click();
    await expect(d.locator('.cv-dialog__case')).toHaveText('Caso #1002');
    await expect(d.getByRole('tabpanel')).toContainText('Segunda via da fatura de outubro');
    await page.keyboard.press('Escape');
  }
  await sandbox.activity({ kind: 'call', case_id: 1001, status: 'answered' });
  // no list may be read while the case opens again, and the stream waits until we let it go
  const reads: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/v1/cases/1001') && !path.endsWith('/events')) reads.push(path);
  });
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let resumedFrom: string | undefined;
  await page.route('**/v1/cases/1001/events', async (route) => {
    resumedFrom = route.request().headers()['last-event-id'];
    await held;
    await route.continue();
  });
  await page.locator('a[href="/casos/1001"]').click();
  await d.getByRole('tab', { name: /^Histórico de Ligações/ }).click();
  // what was shown, at once, and said to be from before
  await expect(count).toHaveText('8 de 8 registros');
  await expect(d.locator('.cv-kept')).toHaveText(/^Atualizando · dados de \d\d:\d\d$/);
  // (the stream resumes a frame after the case shows)
  await expect.poll(() => resumedFrom).toMatch(/^\d+$/);
  release();
  // the stream replays what it missed: the new call, and the note goes
  await expect(count).toHaveText('9 de 9 registros');
  await expect(d.locator('.cv-kept')).toHaveCount(0);
  // only the SLA list is read (its clocks run from when it arrives, so it is never kept)
  expect(reads).toEqual(['/v1/cases/1001/sla']);
});

test('a case opened again from memory whose update fails keeps its data, marked stale, with "Tentar novamente" that brings it up to date', async ({ page, sandbox, errors }) => {
  await page.goto('/casos/1001/ligacoes');
  const d = dialog(page);
  const count = d.getByRole('tabpanel').getByRole('status').first();
  await expect(count).toHaveText('8 de 8 registros');
  // live, so the case is kept with an event to resume after (without one it is read again)
  await expect(d.locator('.cv-link--live')).toBeVisible();
  await page.keyboard.press('Escape');
  await sandbox.activity({ kind: 'call', case_id: 1001, status: 'answered' });
  // the stream cannot be opened again
  await sandbox.fault({ route: 'events', status: 503, times: 1000 });
  await page.locator('a[href="/casos/1001"]').click();
  await d.getByRole('tab', { name: /^Histórico de Ligações/ }).click();
  const note = d.locator('.cv-kept');
  await expect(note).toContainText(/^Não foi possível atualizar · dados de \d\d:\d\d/, { timeout: 15_000 });
  await expect(count).toHaveText('8 de 8 registros');
  const retry = note.getByRole('button', { name: 'Tentar novamente' });
  await retry.click();
  // read again: the new call is in, the note goes, and focus is on the selected tab
  await expect(count).toHaveText('9 de 9 registros');
  await expect(note).toHaveCount(0);
  await expect(d.getByRole('tab', { name: /^Histórico de Ligações/ })).toBeFocused();
});

test('a case closed while a reload of it was on its way reloads it first when opened again (keep it as shown and resume after the change, and this fails)', async ({ page, sandbox, errors }) => {
  await page.goto('/casos/1001');
  const d = dialog(page);
  const panel = d.getByRole('tabpanel');
  await expect(d.locator('.cv-link--live')).toBeVisible();
  await expect(panel).toContainText('João da Silva Conceição');
  await expect(panel).not.toContainText('Maria Souza');
  // a colleague takes the case: the stream says so and the case is read again, but that read
  // does not land before the agent closes the modal
  let asked!: () => void;
  const readAgain = new Promise<void>((r) => (asked = r));
  let close!: () => void;
  const closed = new Promise<void>((r) => (close = r));
  await page.route('**/v1/cases/1001', async (route) => {
    asked();
    await closed;
    await route.abort().catch(() => {});
  });
  await sandbox.activity({ kind: 'take', case_id: 1001, agent_id: 2 });
  await readAgain;
  await page.keyboard.press('Escape');
  close();
  await page.unroute('**/v1/cases/1001');
  // opened again from memory: the read it was owed comes first (the stream resumes after the change)
  await page.locator('a[href="/casos/1001"]').click();
  await expect(panel).toContainText('Maria Souza');
  await expect(d.locator('.cv-kept')).toHaveCount(0);
});

test('a case opened with "Continuar atendimento" gives focus back, on close, to where the first case was opened from (its button is hidden by then)', async ({ page, sandbox, errors }) => {
  await page.goto('/');
  const d = dialog(page);
  // #1002 opened and closed first: its modal, kept hidden, is shown again below, before #1001's
  // is hidden (the order in which a button inside #1001's was taken as the opener)
  await page.locator('a[href="/casos/1002"]').click();
  await expect(d).toContainText('Caso #1002');
  await page.keyboard.press('Escape');
  await expect(d).toHaveCount(0);
  const link = page.locator('a[href="/casos/1001"]');
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(d).toContainText('Caso #1001');
  await d.getByRole('tab', { name: /^Histórico do Cliente/ }).click();
  await d.getByRole('button', { name: 'Continuar o atendimento do caso #1002' }).click();
  await expect(page).toHaveURL(/\/casos\/1002$/);
  await expect(d).toContainText('Caso #1002');
  await page.keyboard.press('Escape');
  await expect(d).toHaveCount(0);
  await expect(link).toBeFocused();
});
