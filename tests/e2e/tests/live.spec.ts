import { test, expect, dialog } from './fixtures';
import type { Page, Request } from '@playwright/test';

// The live case: what happens on the server while the modal is open reaches it without a reload,
// once, in order, through cuts of the stream, and without disturbing what the agent is doing.
// The sandbox runs with a 1 s heartbeat here (playwright.config.ts), so a silent stream counts as
// lost after about 3 s.

function requestsTo(page: Page, method: string, path: RegExp): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === method && path.test(new URL(r.url()).pathname)) seen.push(r);
  });
  return seen;
}

async function openLive(page: Page, path: string) {
  await page.goto(path);
  const d = dialog(page);
  await expect(d.locator('.cv-link--live')).toHaveText('Ao vivo');
  return d;
}

/** The texts of the WhatsApp messages that the test sent ("Live 1", "Live 2", ...), in page order. */
async function liveTexts(page: Page, prefix: string): Promise<string[]> {
  return page.locator('.cv-msg__text').evaluateAll(
    (els, p) => els.map((e) => e.textContent ?? '').filter((t) => t.startsWith(p)),
    prefix,
  );
}

test('a WhatsApp message appears within a second, is counted on its tab, and the reading position holds', async ({ page, sandbox, errors }) => {
  const reads = requestsTo(page, 'GET', /^\/v1\/cases\/1001\/interactions$/);
  const d = await openLive(page, '/casos/1001');
  const tab = d.getByRole('tab', { name: /Interações/ });
  const count = tab.locator('.cv-badge:not(.cv-badge--new)');
  await expect(count).toHaveText('13');

  // on another tab: its badge counts the arrival
  await sandbox.activity({ kind: 'message', case_id: 1001, channel: 'whatsapp', text: 'Chegou agora' });
  await expect(tab.locator('.cv-badge--new')).toContainText('+1', { timeout: 1_000 });
  await expect(count).toHaveText('14');
  await tab.click();
  await expect(tab.locator('.cv-badge--new')).toHaveCount(0);
  const panel = d.getByRole('tabpanel');
  await expect(panel.getByText('Chegou agora')).toBeVisible();
  expect(reads, 'applied in place: no reload of the list').toHaveLength(1);

  // reading above the newest: new messages leave the part being read where it is
  await sandbox.activity({ kind: 'message', case_id: 1001, channel: 'whatsapp', text: 'Rolagem', count: 30 });
  await expect(panel.getByText('Rolagem 30', { exact: true })).toBeVisible();
  const conversation = panel.locator('.cv-conversation');
  await conversation.evaluate((el) => { el.scrollTop = -600; el.dispatchEvent(new Event('scroll')); });
  const anchor = panel.getByText('Rolagem 10', { exact: true });
  const before = (await anchor.boundingBox())!.y;
  await sandbox.activity({ kind: 'message', case_id: 1001, channel: 'whatsapp', text: 'Mais uma', count: 2 });
  const pill = panel.getByRole('button', { name: '2 novas mensagens' });
  await expect(pill).toBeVisible({ timeout: 1_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(Math.abs((await anchor.boundingBox())!.y - before), 'the message being read did not move').toBeLessThan(2);
  await pill.click();
  await expect(panel.getByText('Mais uma 2', { exact: true })).toBeInViewport();
  await expect(pill).toHaveCount(0);
});

test('a colleague taking #1004 into service takes it out of the selection, with a note, before the agent confirms', async ({ page, sandbox, errors }) => {
  const unify = requestsTo(page, 'POST', /\/unifications$/);
  const d = await openLive(page, '/casos/1001/historico-do-cliente');
  const panel = d.getByRole('tabpanel');
  const box = (id: number) => panel.getByRole('checkbox', { name: `Selecionar o caso #${id} para unificar` });
  await box(1004).check();
  await box(1002).check();
  await panel.getByRole('button', { name: 'Unificar Atendimentos' }).click();
  const confirm = panel.getByRole('alertdialog');
  await expect(confirm).toContainText('#1004');

  await sandbox.activity({ kind: 'take', case_id: 1004, agent_id: 2 });
  await expect(panel.locator('[data-dropped]')).toHaveText(/#1004 saiu da seleção: Em atendimento por Maria Souza\./);
  await expect(confirm).not.toContainText('#1004');
  await expect(confirm).toContainText('#1002');
  await expect(box(1004)).toBeDisabled();
  await expect(box(1004)).not.toBeChecked();
  expect(unify, 'nothing was sent').toHaveLength(0);
  // what is confirmed now is only what the confirmation shows
  await confirm.getByRole('button', { name: 'Confirmar' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'unificado' }).first()).toBeVisible();
  expect(JSON.parse(unify[0].postData()!)).toEqual({ case_ids: [1002] });
});

test('a row control the agent is on keeps focus when a live change rebuilds the rows in view', async ({ page, sandbox, errors }) => {
  const d = await openLive(page, '/casos/1001/historico-do-cliente');
  const panel = d.getByRole('tabpanel');
  const box = (id: number) => panel.getByRole('checkbox', { name: `Selecionar o caso #${id} para unificar` });
  // a control that is not its row's first
  const go = panel.getByRole('button', { name: 'Continuar o atendimento do caso #1002' });
  await go.focus();
  await sandbox.activity({ kind: 'take', case_id: 1004, agent_id: 2 });
  await expect(box(1004)).toBeDisabled();
  await expect(go).toBeFocused();
  // and the keyboard goes on from there, in its row
  await page.keyboard.press('Shift+Tab');
  await expect(box(1002)).toBeFocused();
  await page.keyboard.press('Space');
  await expect(box(1002)).toBeChecked();
  // a control that cannot take focus any more (its case was taken) leaves focus on the list
  await box(1011).focus();
  await sandbox.activity({ kind: 'take', case_id: 1011, agent_id: 2 });
  await expect(box(1011)).toBeDisabled();
  await expect(panel.getByRole('table', { name: 'Atendimentos do cliente' })).toBeFocused();
});

test('200 events through a cut, a 503 and a silent stream all appear exactly once and in order', async ({ page, sandbox, errors }) => {
  const streams = requestsTo(page, 'GET', /^\/v1\/cases\/1001\/events$/);
  await sandbox.fault([
    { route: 'events', cut_after: 30, times: 1 },
    { route: 'events', status: 503, times: 1 },
    { route: 'events', silent: true, times: 1 },
  ]);
  const d = await openLive(page, '/casos/1001/interacoes');
  const sent = 200;
  for (let burst = 0; burst < 4; burst++) {
    await sandbox.activity(
      Array.from({ length: 50 }, (_, i) => ({ kind: 'message', case_id: 1001, channel: 'whatsapp', text: `Live ${burst * 50 + i + 1}` })),
    );
    await page.waitForTimeout(400);
  }
  const panel = d.getByRole('tabpanel');
  await expect(panel.getByText(`Live ${sent}`, { exact: true })).toBeVisible({ timeout: 20_000 });
  expect(await liveTexts(page, 'Live ')).toEqual(Array.from({ length: sent }, (_, i) => `Live ${i + 1}`));
  // the cut, the 503 and the silent stream were all gone through, each resuming where it left off
  expect(streams.length).toBeGreaterThanOrEqual(4);
  const resumed = streams.slice(1).map((r) => r.headers()['last-event-id']);
  expect(resumed.every((id) => /^\d+$/.test(id ?? '')), `Last-Event-ID on every reconnection: ${resumed}`).toBe(true);
  await expect(d.locator('.cv-link--live')).toBeVisible();
});

test('a gap too old to replay reloads the tabs silently and keeps the filters', async ({ page, sandbox, errors }) => {
  const history = requestsTo(page, 'GET', /^\/v1\/cases\/1001\/history$/);
  const streams = requestsTo(page, 'GET', /^\/v1\/cases\/1001\/events$/);
  await sandbox.fault({ route: 'events', silent: true, times: 1 });
  const d = await openLive(page, '/casos/1001/historico-do-caso');
  const messages = d.getByRole('tab', { name: /Interações/ }).locator('.cv-badge:not(.cv-badge--new)');
  await expect(messages).toHaveText('13');
  const panel = d.getByRole('tabpanel');
  await panel.getByRole('searchbox', { name: /Buscar/ }).fill('estorno');
  const count = panel.getByRole('status').first();
  await expect(count).toHaveText(/^\d+ de 12 registros$/);
  const shown = await count.textContent();
  // a row of the history as built now: an answer that did not change is not decoded again, so
  // its rows stay as they are (decode it again and they are rebuilt)
  await panel.getByRole('row').nth(1).evaluate((el) => ((el as unknown as { kept: boolean }).kept = true));
  const historyAgain = page.waitForResponse((r) => r.url().endsWith('/v1/cases/1001/history'), { timeout: 15_000 });
  // more than the replay log holds (1,000 per case) happens while the stream is silent
  await sandbox.activity({ kind: 'message', case_id: 1001, channel: 'whatsapp', text: 'Muitas', count: 1_100 });
  // the reconnection cannot be replayed: the server says so and every tab reloads in place
  await expect.poll(() => history.length, { timeout: 15_000 }).toBe(2);
  await expect(messages).toHaveText('1.113'); // pt-BR groups thousands
  await (await historyAgain).finished();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(await panel.getByRole('row').nth(1).evaluate((el) => (el as unknown as { kept?: boolean }).kept)).toBe(true);
  // it was the reconnection, resuming from the first stream's position, that could not be replayed
  expect(streams.length).toBeGreaterThanOrEqual(2);
  expect(streams[1].headers()['last-event-id']).toMatch(/^\d+$/);
  await expect(panel.getByRole('searchbox', { name: /Buscar/ })).toHaveValue('estorno');
  await expect(count).toHaveText(shown!);
  await expect(page).toHaveURL(/h_busca=estorno/);
});

test('a 401 mid-stream refreshes the token once and the stream resumes', async ({ page, sandbox, errors }) => {
  const logins = requestsTo(page, 'POST', /^\/v1\/auth\/login$/);
  const streams = requestsTo(page, 'GET', /^\/v1\/cases\/1001\/events$/);
  // the first stream is cut after its first change; its reconnection meets a 401
  await sandbox.fault([
    { route: 'events', cut_after: 1, times: 1 },
    { route: 'events', status: 401, times: 1 },
  ]);
  const d = await openLive(page, '/casos/1001');
  const before = logins.length;
  await sandbox.activity({ kind: 'message', case_id: 1001, channel: 'whatsapp', text: 'Antes do corte' });
  await sandbox.activity({ kind: 'message', case_id: 1001, channel: 'whatsapp', text: 'Depois do corte' });
  const tab = d.getByRole('tab', { name: /Interações/ });
  await expect(tab.locator('.cv-badge--new')).toContainText('+2', { timeout: 10_000 });
  expect(logins.length - before, 'exactly one new login').toBe(1);
  // the cut stream, the refused one, and the one with the new token
  expect(streams).toHaveLength(3);
  await expect(d.locator('.cv-link--live')).toBeVisible();
});

test('two agents on one case see each other, and a closed page leaves within a heartbeat', async ({ page, browser, sandbox, errors }) => {
  const d = await openLive(page, '/casos/1001');
  const avatars = d.locator('.cv-avatars li');
  await expect(avatars).toHaveCount(0);

  const other = await browser.newContext({ locale: 'pt-BR', timezoneId: 'America/Sao_Paulo' });
  const page2 = await other.newPage();
  // the second page logs in as Maria Souza
  await page2.route('**/v1/auth/login', (route) =>
    route.continue({ postData: JSON.stringify({ tenant: 'demo', username: 'maria.souza', password: 'demo' }) }));
  const d2 = await openLive(page2, '/casos/1001');
  await expect(avatars).toHaveCount(1);
  await expect(avatars.first()).toHaveAttribute('title', 'Maria Souza');
  await expect(avatars.first()).toContainText('MS');
  await expect(d2.locator('.cv-avatars li')).toHaveAttribute('title', 'Ana Lima');

  // a closed modal stays in its page, hidden, but its stream closes: it leaves too, and comes back
  // when it opens again
  await page2.keyboard.press('Escape');
  await expect(avatars).toHaveCount(0, { timeout: 3_000 });
  await page2.locator('a[href="/casos/1001"]').click();
  await expect(avatars).toHaveCount(1);

  await other.close();
  await expect(avatars).toHaveCount(0, { timeout: 3_000 });
});

test('a change a colleague makes to the open case shows in place, with a short notice of who changed what', async ({ page, sandbox, errors }) => {
  const d = await openLive(page, '/casos/1001');
  const panel = d.getByRole('tabpanel');
  await expect(panel).not.toContainText('Maria Souza');
  await sandbox.activity({ kind: 'take', case_id: 1001, agent_id: 2 });
  await expect(d.locator('.cv-notice')).toHaveText(/^Maria Souza alterou .*o responsável.* deste caso\.$/);
  await expect(panel).toContainText('Maria Souza');
});

test('after a unification brings older messages, each conversation shows exactly the server\'s messages (rows kept by position would show others)', async ({ page, errors }) => {
  const d = await openLive(page, '/casos/1001');
  const panel = d.getByRole('tabpanel');
  await d.getByRole('tab', { name: /^Interações/ }).click();
  await expect(panel.locator('li.cv-msg').first()).toBeVisible();
  // unify #1003 (e-mail) and #1004 (chat), both older than what #1001 holds
  await d.getByRole('tab', { name: /^Histórico do Cliente/ }).click();
  for (const id of [1003, 1004]) await panel.getByRole('checkbox', { name: new RegExp(`#${id}\\b`) }).check();
  await panel.getByRole('button', { name: 'Unificar Atendimentos' }).click();
  await panel.getByRole('button', { name: 'Confirmar unificação' }).click();
  await expect(panel).toContainText('unificados ao caso #1001');
  await d.getByRole('tab', { name: /^Interações/ }).click();
  const res = await page.request.get('/v1/cases/1001/interactions', { headers: { Authorization: 'Bearer demo-token-ana' } });
  const channels = ((await res.json()).channels as { channel: string; messages: { id: number; sent_at: number }[] }[])
    .filter((c) => c.messages.length > 0);
  const names: Record<string, string> = { whatsapp: 'WhatsApp', email: 'E-mail', chat: 'Chat' };
  expect(channels.map((c) => c.channel).sort()).toEqual(['chat', 'email', 'whatsapp']);
  for (const c of channels) {
    await panel.getByRole('button', { name: new RegExp(`^${names[c.channel]}`) }).click();
    await expect(panel.locator('.cv-conversation-head')).toContainText(names[c.channel]);
    const expected = [...c.messages].sort((a, b) => a.sent_at - b.sent_at || a.id - b.id).map((m) => `msg-${m.id}`);
    await expect
      .poll(() => panel.locator('li.cv-msg').evaluateAll((els) => els.map((e) => e.id.replace(/^.*-(msg-\d+)$/, '$1'))))
      .toEqual(expected);
  }
});
