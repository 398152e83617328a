import { test, expect, Sandbox } from './fixtures';
import type { Page } from '@playwright/test';

test('the example host page mounts the widget, receives its events, and keeps its own URL, lang and storage', async ({ page, sandbox, errors }) => {
  await page.goto('/examples/host.html');
  const hostUrl = page.url();
  const opener = page.getByRole('button', { name: 'Open case #1001' });
  await opener.click();
  const d = page.getByRole('dialog', { name: 'Informações do Atendimento' });
  await expect(d).toBeVisible();
  await expect(d).toContainText('Caso #1001');
  await expect(d.getByRole('tab')).toHaveCount(8);
  await expect(d.getByRole('tabpanel')).toContainText('João da Silva Conceição');

  const log = page.getByRole('list', { name: 'widget events' });
  await d.getByRole('tab', { name: /^Histórico do Caso/ }).click();
  await expect(log).toContainText('cvortex:tab-change {"case_id":1001,"tab":"historico-do-caso"}');
  await page.keyboard.press('Alt+7');
  await expect(log).toContainText('cvortex:tab-change {"case_id":1001,"tab":"anexos"}');
  await page.keyboard.press('Escape');
  await expect(log).toContainText('cvortex:close {"case_id":1001}');
  await expect(d).toHaveCount(0);
  await expect(opener).toBeFocused();

  // the host's URL, <html lang>, cookies and storage are untouched
  expect(page.url()).toBe(hostUrl);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, '']);

  // the host opens another case in the same widget, then switches it to English
  await page.getByRole('button', { name: 'Open case #1002' }).click();
  await expect(d).toContainText('Caso #1002');
  await expect(d.getByRole('tab', { name: /^Anexos/ })).toHaveAttribute('aria-selected', 'true'); // the host did not change the tab
  await d.getByRole('tab', { name: /^Dados do Caso/ }).click();
  await expect(d.getByRole('tabpanel')).toContainText('Segunda via da fatura de outubro');
  await page.keyboard.press('Escape'); // the modal covers the host page while open
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Open case #1002' }).click();
  await expect(page.getByRole('dialog', { name: 'Case details' })).toContainText('Case #1002');
  expect(page.url()).toBe(hostUrl);
});

/** On the example host: case #1001 open, #1002 confirmed for unification, its answer 1.5 s away. */
async function unifySlowly(page: Page, sandbox: Sandbox) {
  await page.getByRole('button', { name: 'Open case #1001' }).click();
  const d = page.getByRole('dialog', { name: 'Informações do Atendimento' });
  await d.getByRole('tab', { name: /^Histórico do Cliente/ }).click();
  await d.getByRole('checkbox', { name: 'Selecionar o caso #1002 para unificar' }).check();
  await sandbox.fault({ route: 'unify', latency_ms: 1500, times: 1 });
  await d.getByRole('button', { name: 'Unificar Atendimentos' }).click();
  await d.getByRole('button', { name: 'Confirmar unificação' }).click();
  await expect(d.getByRole('button', { name: 'Unificando…' })).toBeVisible();
  return d;
}

// The flows live above the locale boundary: a locale change re-renders the modal, and before
// they did, it cancelled the unification on its way and dropped its idempotency key.
test('the host switches the locale while a unification is on its way: it completes, once, and says so in English', async ({ page, sandbox, errors }) => {
  await page.goto('/examples/host.html');
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && /\/v1\/cases\/1001\/unifications$/.test(r.url())) posts.push(r.headers()['idempotency-key']);
  });
  const d = await unifySlowly(page, sandbox);
  await page.evaluate(() => document.querySelector('cvortex-case-details')!.setAttribute('locale', 'en'));
  const en = page.getByRole('dialog', { name: 'Case details' });
  await expect(en.getByRole('tab', { name: /^Customer history/ })).toHaveAttribute('aria-selected', 'true');
  await expect(en).toContainText('Case #1002 merged into case #1001.', { timeout: 10_000 });
  await expect(en.getByRole('button', { name: 'Undo' })).toBeVisible();
  const log = page.getByRole('list', { name: 'widget events' });
  await expect(log.getByText(/^cvortex:cases-unified /)).toHaveCount(1);
  expect(posts).toHaveLength(1);
  const res = await page.request.get('/v1/cases/1001/customer-cases', { headers: { Authorization: 'Bearer demo-token-ana' } });
  const items = (await res.json()).items as { id: number; merged_into?: number }[];
  expect(items.find((c) => c.id === 1002)?.merged_into).toBe(1001);
});

// Closed, the widget's modal stays mounted and hidden; another case in it keeps the first one's
// flow apart (`ApiClient::parked`) until that case opens again.
for (const way of ['closes the widget', 'opens another case in it'] as const) test(`a unification on its way when the agent ${way} completes, the host is told, and the case opened again shows it with "Undo"`, async ({ page, sandbox, errors }) => {
  await page.goto('/examples/host.html');
  const d = await unifySlowly(page, sandbox);
  if (way === 'closes the widget') {
    await d.getByRole('button', { name: 'Fechar', exact: true }).click();
    await expect(d).toHaveCount(0);
  } else {
    await page.evaluate(() => document.querySelector('cvortex-case-details')!.setAttribute('case-id', '1003'));
    await expect(d).toContainText('Caso #1003');
    await expect(d.getByRole('button', { name: 'Unificando…' })).toHaveCount(0);
  }
  // its request still lands and is told to the host
  const log = page.getByRole('list', { name: 'widget events' });
  await expect(log.getByText(/^cvortex:cases-unified /)).toHaveCount(1, { timeout: 10_000 });
  await page.evaluate(() => document.getElementById('open-1001')!.click());
  await d.getByRole('tab', { name: /^Histórico do Cliente/ }).click();
  await expect(d.getByRole('status').filter({ hasText: 'Caso #1002 unificado ao caso #1001.' })).toBeVisible();
  await expect(d.getByRole('button', { name: 'Desfazer' })).toBeVisible();
});

// Without live changes nothing else brings a unification's effects: the flow reloads the lists
// itself.
test('with live changes off, a unification reloads the lists it changed', async ({ page, sandbox, errors }) => {
  const streams: string[] = [];
  page.on('request', (r) => { if (r.url().endsWith('/events')) streams.push(r.url()); });
  await page.goto('/examples/host.html?live=off');
  const d = await unifySlowly(page, sandbox);
  await expect(d.getByRole('status').filter({ hasText: 'Caso #1002 unificado ao caso #1001.' })).toBeVisible({ timeout: 10_000 });
  const row = d.getByRole('row').filter({ has: page.getByRole('checkbox', { name: 'Selecionar o caso #1002 para unificar' }) });
  await expect(row.locator('.cv-chip--reason')).toHaveText('Já unificado');
  expect(streams, 'no event stream was opened').toEqual([]);
});

// An aria-modal dialog must keep focus: when a host call re-renders what had focus (a row's
// button, the whole modal on a locale change) or focus sat on the host's own controls, it goes
// to the selected tab, where Escape and Tab still work.
test('focus stays in the modal through every host call: setCaseId, setTab, setLocale and open', async ({ page, sandbox, errors }) => {
  await page.goto('/examples/host.html');
  await page.getByRole('button', { name: 'Open case #1001' }).click();
  const d = page.getByRole('dialog', { name: 'Informações do Atendimento' });
  await d.getByRole('tab', { name: /^Histórico do Cliente/ }).click();
  const selected = d.locator('[role=tab][aria-selected=true]');
  const focusIsInDialog = () => page.evaluate(() => !!document.activeElement?.closest('[role=dialog]'));

  // setCaseId: the host answers "Continuar atendimento" with the other case
  await d.getByRole('button', { name: 'Continuar o atendimento do caso #1002' }).click();
  await expect(d).toContainText('Caso #1002');
  await expect(selected).toBeFocused();
  await expect(selected).toHaveText(/^Histórico do Cliente/);
  await page.keyboard.press('Tab');
  expect(await focusIsInDialog()).toBe(true);

  // setTab while focus is on the host's page behind the dialog
  await page.evaluate(() => (document.getElementById('english') as HTMLElement).focus());
  await page.evaluate(() => document.querySelector('cvortex-case-details')!.setAttribute('tab', 'sla'));
  await expect(d.getByRole('tab', { name: /^SLA/ })).toBeFocused();

  // setTab to the tab already shown, with focus in the modal's search: focus is left alone
  await d.getByRole('tab', { name: /^Histórico do Caso/ }).click();
  const search = d.getByRole('searchbox').first();
  await search.focus();
  await page.evaluate(() => document.querySelector('cvortex-case-details')!.setAttribute('tab', 'historico-do-caso'));
  await page.waitForTimeout(100); // a frame for a wrong refocus to happen
  await expect(search).toBeFocused();

  // setLocale re-renders the modal: focus lands on the selected tab, in English
  await page.evaluate(() => document.querySelector('cvortex-case-details')!.setAttribute('locale', 'en'));
  const en = page.getByRole('dialog', { name: 'Case details' });
  await expect(en.getByRole('tab', { name: /^Case history/ })).toBeFocused();

  // open() while open, with focus in the search: nothing changes, focus is left alone
  const enSearch = en.getByRole('searchbox').first();
  await enSearch.focus();
  await page.evaluate(() => (document.querySelector('cvortex-case-details') as HTMLElement & { open(): void }).open());
  await page.waitForTimeout(100);
  await expect(enSearch).toBeFocused();

  // open after a close: focus lands on the selected tab, and Escape closes again; focus went back
  // to the host's button that first opened it (not to the "Continuar" button of the case replaced)
  await page.keyboard.press('Escape');
  await expect(en).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Open case #1001' })).toBeFocused();
  await page.evaluate(() => (document.querySelector('cvortex-case-details') as HTMLElement & { open(): void }).open());
  await expect(en.getByRole('tab', { name: /^Case history/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(en).toHaveCount(0);
});

// The widget has one modal: another case replaces the one shown, which is kept among the recent
// cases with where its stream got to. Going back shows it from memory and replays what it missed.
test('the widget goes to another case and back: the first shows from memory, its lists not read again, and what it missed arrives', async ({ page, sandbox, errors }) => {
  await page.goto('/examples/host.html');
  const d = page.getByRole('dialog', { name: 'Informações do Atendimento' });
  await page.getByRole('button', { name: 'Open case #1001' }).click();
  await d.getByRole('tab', { name: /^Histórico de Ligações/ }).click();
  const count = d.getByRole('tabpanel').getByRole('status').first();
  await expect(count).toHaveText('8 de 8 registros');
  await expect(d.locator('.cv-link--live')).toBeVisible();
  // every tab's read is in (one cut short by the close would be owed a reload)
  await expect.poll(() => d.locator('[role=tablist] .cv-badge:not(.cv-badge--new)').count()).toBeGreaterThanOrEqual(7);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Open case #1002' }).click();
  await expect(d).toContainText('Caso #1002');
  await expect(d.locator('.cv-link--live')).toBeVisible();

  // a call on #1001 while #1002 is shown
  await sandbox.activity({ kind: 'call', case_id: 1001, status: 'answered' });
  const reads: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/v1/cases/1001') && !path.endsWith('/events')) reads.push(path);
  });
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Open case #1001' }).click();
  await expect(d).toContainText('Caso #1001');
  await expect(d.getByRole('tab', { name: /^Histórico de Ligações/ })).toHaveAttribute('aria-selected', 'true');
  await expect(count).toHaveText('9 de 9 registros');
  await expect(d.locator('.cv-link--live')).toBeVisible();
  // from memory: only the SLA targets (their clocks are as of the answer) are read again
  expect(reads.filter((p) => !p.endsWith('/sla'))).toEqual([]);
});
