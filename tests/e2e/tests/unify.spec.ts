import { test, expect, dialog, withRequestTimeout, Sandbox } from './fixtures';
import type { Page, Request } from '@playwright/test';

// João's cases in the demo data (crates/sandbox/src/demo.rs), one per rule. The open case is 1001.
const ELIGIBLE = [1002, 1003, 1004, 1011, 1014];
const INELIGIBLE: Record<number, { chip: RegExp; why: RegExp }> = {
  1001: { chip: /Caso aberto/, why: /Este é o caso aberto/ },
  1005: { chip: /Em atendimento/, why: /Em atendimento por Maria Souza/ },
  1006: { chip: /Finalizado/, why: /Finalizado em \d\d\/\d\d\/\d{4}/ },
  1007: { chip: /Finalizado/, why: /Finalizado em/ },
  1008: { chip: /WhatsApp diferente/, why: /WhatsApp diferente: \+55 11 9••••-1234/ },
  1009: { chip: /Chat diferente/, why: /Identificador de chat diferente: chat-99b2e1/ },
  1010: { chip: /Já unificado/, why: /Já unificado ao caso #1002/ },
  1012: { chip: /Finalizado/, why: /Finalizado em/ },
  1013: { chip: /Em atendimento/, why: /Em atendimento por .*; WhatsApp diferente/ },
};

function panel(page: Page) {
  return dialog(page).getByRole('tabpanel');
}
function box(page: Page, id: number) {
  return panel(page).getByRole('checkbox', { name: `Selecionar o caso #${id} para unificar` });
}
function row(page: Page, id: number) {
  return panel(page).getByRole('row').filter({ has: page.getByRole('checkbox', { name: `Selecionar o caso #${id} para unificar` }) });
}
function unifyPosts(page: Page): Request[] {
  const posts: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && /\/v1\/cases\/1001\/unifications$/.test(r.url())) posts.push(r);
  });
  return posts;
}

/**
 * Confirms the unification of #1003 while the server drops its answer (it happens, unbeknownst to
 * the page); gives the POSTs seen and the alert that says it may have happened.
 */
async function unifyWithLostAnswer(page: Page, sandbox: Sandbox) {
  await open(page);
  const posts = unifyPosts(page);
  await sandbox.fault({ route: 'unify', drop_after: true, times: 1 });
  await box(page, 1003).check();
  await panel(page).getByRole('button', { name: 'Unificar Atendimentos' }).click();
  await panel(page).getByRole('button', { name: 'Confirmar unificação' }).click();
  const failed = panel(page).getByRole('alert').filter({ hasText: 'Não foi possível confirmar a unificação' });
  await expect(failed).toContainText('a unificação pode ter sido feita');
  return { posts, failed };
}

async function open(page: Page) {
  await page.goto('/casos/1001/historico-do-cliente');
  await expect(panel(page).getByRole('table', { name: 'Atendimentos do cliente' })).toBeVisible();
}

test.describe('Histórico do Cliente', () => {
  test('every ineligible row is disabled at once with its reason; exactly the eligible ones can be selected', async ({ page, sandbox, errors }) => {
    await open(page);
    await expect(panel(page).getByRole('status').filter({ hasText: 'registros' })).toHaveText('14 de 14 registros');
    for (const id of ELIGIBLE) {
      await expect(box(page, id)).toBeEnabled();
      await expect(row(page, id)).not.toHaveClass(/cv-row--disabled/);
    }
    for (const [id, { chip, why }] of Object.entries(INELIGIBLE)) {
      const b = box(page, Number(id));
      await expect(b).toBeDisabled();
      await expect(row(page, Number(id))).toHaveClass(/cv-row--disabled/);
      // only choosing it is disabled: its other controls work, and say so to screen readers
      if (id !== '1001') await expect(row(page, Number(id)).getByRole('button', { name: `Continuar o atendimento do caso #${id}` })).toBeEnabled();
      await expect(row(page, Number(id)).locator('.cv-chip--reason, .cv-tag--current').first()).toHaveText(chip);
      if (id !== '1001') await expect(b).toHaveAccessibleDescription(why);
    }
    // the chip's full explanation on hover
    await expect(row(page, 1005).locator('.cv-reasons')).toHaveAttribute('title', 'Em atendimento por Maria Souza');
    await expect(row(page, 1013).locator('.cv-reasons')).toHaveAttribute('title', /^Em atendimento por Carlos Pereira; WhatsApp diferente: \+55 11 9••••-0001$/);

    // select all picks only the eligible rows; again clears them
    const all = panel(page).getByRole('checkbox', { name: 'Selecionar todos os casos elegíveis' });
    await all.check();
    for (const id of ELIGIBLE) await expect(box(page, id)).toBeChecked();
    for (const id of Object.keys(INELIGIBLE)) await expect(box(page, Number(id))).not.toBeChecked();
    await expect(panel(page)).toContainText('5 casos selecionados');
    await all.uncheck();
    await expect(panel(page)).toContainText('Nenhum caso selecionado');
  });

  test('the search covers user, channel, id and subject; any column sorts', async ({ page, sandbox, errors }) => {
    await open(page);
    const search = panel(page).getByRole('searchbox');
    const count = panel(page).getByRole('status').filter({ hasText: 'registros' });
    await search.fill('maria souza');
    await expect(count).toHaveText('2 de 14 registros'); // 1005 (in service) and 1002
    await search.fill('telefone');
    await expect(count).toHaveText('1 de 14 registros');
    await expect(box(page, 1011)).toBeVisible();
    await search.fill('1009');
    await expect(count).toHaveText('1 de 14 registros');
    await search.fill('cupom desconto');
    await expect(box(page, 1009)).toBeVisible();
    await search.fill('');
    const caseHeader = panel(page).getByRole('columnheader', { name: /^Caso/ });
    await caseHeader.getByRole('button').click();
    await expect(caseHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(panel(page).locator('.cv-datalist__body [role=row]').first()).toContainText('#1014');
    await caseHeader.getByRole('button').click();
    await expect(caseHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(panel(page).locator('.cv-datalist__body [role=row]').first()).toContainText('#1001');
    await expect(page).toHaveURL(/c_ordem=numero/);
  });

  test('confirm shows what moves; the unification persists across a reload; undo restores it', async ({ page, sandbox, errors }) => {
    await open(page);
    const posts = unifyPosts(page);
    await box(page, 1002).check();
    await box(page, 1003).check();
    await panel(page).getByRole('button', { name: 'Unificar Atendimentos' }).click();
    const alert = panel(page).getByRole('alertdialog', { name: 'Unificar 2 atendimentos ao caso #1001?' });
    await expect(alert).toContainText('#1002: 3 eventos, 2 interações, 1 ligação, 1 anexo, 1 pesquisa');
    await expect(alert).toContainText('#1003: 1 evento, 1 interação');
    await expect(alert.getByRole('button', { name: 'Confirmar unificação' })).toBeFocused();
    await alert.getByRole('button', { name: 'Confirmar unificação' }).click();

    await expect(panel(page).getByRole('status').filter({ hasText: 'unificados' })).toContainText('Casos #1002, #1003 unificados ao caso #1001.');
    expect(posts).toHaveLength(1);
    expect(posts[0].headers()['idempotency-key']).toBeTruthy();
    await expect(box(page, 1002)).toBeDisabled();
    await expect(row(page, 1003).locator('.cv-chip--reason')).toHaveText('Já unificado');
    // the other tabs' counts refresh: 12 events + 3 from #1002 + 1 from #1003 + the unification's own
    await expect(dialog(page).getByRole('tab', { name: /^Histórico do Caso/ })).toContainText('17');

    await page.reload();
    await expect(box(page, 1002)).toBeDisabled();
    await expect(box(page, 1003)).toHaveAccessibleDescription('Já unificado ao caso #1001');

    // undo, from a fresh unification (the message does not survive a reload)
    await box(page, 1004).check();
    await panel(page).getByRole('button', { name: 'Unificar Atendimentos' }).click();
    await panel(page).getByRole('button', { name: 'Confirmar unificação' }).click();
    await expect(panel(page)).toContainText('Caso #1004 unificado ao caso #1001.');
    await panel(page).getByRole('button', { name: 'Desfazer' }).click();
    await expect(panel(page)).toContainText('Unificação desfeita: #1004 voltou a ser atendimento separado.');
    await expect(box(page, 1004)).toBeEnabled();
    await page.reload();
    await expect(box(page, 1004)).toBeEnabled();
  });

  test('an undo that a later unification depends on is refused, naming the one to undo first (#17 item 1)', async ({ page, request, sandbox, errors }) => {
    // the agent unifies #1003 into #1004 ...
    await page.goto('/casos/1004/historico-do-cliente');
    await box(page, 1003).check();
    await panel(page).getByRole('button', { name: 'Unificar Atendimentos' }).click();
    await panel(page).getByRole('button', { name: 'Confirmar unificação' }).click();
    await expect(panel(page)).toContainText('Caso #1003 unificado ao caso #1004.');
    // ... and meanwhile a colleague unifies #1004 (with #1003's items) into #1001
    const later = await request.post('/v1/cases/1001/unifications', {
      headers: { authorization: 'Bearer demo-token-ana', 'idempotency-key': 'colleague-1' },
      data: { case_ids: [1004] },
    });
    expect(later.status()).toBe(201);
    const u2 = (await later.json()).id;
    await panel(page).getByRole('button', { name: 'Desfazer' }).click();
    await expect(panel(page).getByRole('alert')).toHaveText(
      `Não foi possível desfazer a unificação: Desfaça antes a unificação #${u2}, que levou estes itens ao caso #1001.`,
    );
    // nothing moved: #1003's history is still where the colleague's unification put it
    const history = await request.get('/v1/cases/1003/history', { headers: { authorization: 'Bearer demo-token-ana' } });
    expect((await history.json()).items).toEqual([]);
  });

  test('a case put into service after the list loaded is refused with its reason, and nothing else is lost', async ({ page, sandbox, errors }) => {
    await open(page);
    await box(page, 1002).check();
    await box(page, 1011).check();
    await sandbox.patchCase(1011, { in_service: true, assignee: { id: 7, name: 'Bruno Reis' } });
    await panel(page).getByRole('button', { name: 'Unificar Atendimentos' }).click();
    await panel(page).getByRole('button', { name: 'Confirmar unificação' }).click();
    const refused = panel(page).getByRole('alert').filter({ hasText: 'Nenhum caso foi unificado' });
    await expect(refused).toContainText('Caso #1011: Em atendimento por Bruno Reis');
    // the refused row is refreshed and disabled; the other selection stays
    await expect(box(page, 1011)).toBeDisabled();
    await expect(box(page, 1011)).not.toBeChecked();
    await expect(box(page, 1002)).toBeChecked();
    await expect(panel(page)).toContainText('1 caso selecionado');
    // and nothing was unified
    await expect(row(page, 1002).locator('.cv-chip--reason')).toHaveCount(0);
  });

  test('an undo that fails keeps the unification and its "Desfazer"; trying again undoes it (drop the unification on a failed undo and this fails)', async ({ page, sandbox, errors }) => {
    await open(page);
    await box(page, 1004).check();
    await panel(page).getByRole('button', { name: 'Unificar Atendimentos' }).click();
    await panel(page).getByRole('button', { name: 'Confirmar unificação' }).click();
    await expect(panel(page)).toContainText('Caso #1004 unificado ao caso #1001.');
    await sandbox.fault({ route: 'undo', status: 503, times: 1 });
    const undo = panel(page).getByRole('button', { name: 'Desfazer' });
    await undo.click();
    await expect(panel(page).getByRole('alert').filter({ hasText: 'Não foi possível desfazer a unificação' }))
      .toHaveText('Não foi possível desfazer a unificação: O serviço está indisponível no momento.');
    // nothing was undone: the server still holds #1004 in #1001, and the undo is still offered
    const merged = async () => {
      const res = await page.request.get('/v1/cases/1001/customer-cases', { headers: { Authorization: 'Bearer demo-token-ana' } });
      return ((await res.json()).items as { id: number; merged_into?: number }[]).find((c) => c.id === 1004)?.merged_into;
    };
    expect(await merged()).toBe(1001);
    await expect(undo).toBeVisible();
    await undo.click();
    await expect(panel(page)).toContainText('Unificação desfeita: #1004 voltou a ser atendimento separado.');
    await expect(box(page, 1004)).toBeEnabled();
    expect((await merged()) ?? null).toBeNull();
  });

  test('once the undo window has passed, "Desfazer" and its deadline leave the message (remove the timer and this fails)', async ({ page, sandbox, errors }) => {
    // the page's clock, moved on: the server's window is 10 minutes (the sandbox's default)
    await page.clock.install();
    await open(page);
    await box(page, 1004).check();
    await panel(page).getByRole('button', { name: 'Unificar Atendimentos' }).click();
    await panel(page).getByRole('button', { name: 'Confirmar unificação' }).click();
    const done = panel(page).getByRole('status').filter({ hasText: 'unificado ao caso #1001' });
    await expect(done).toContainText(/Pode ser desfeita até \d\d:\d\d\./);
    await expect(done.getByRole('button', { name: 'Desfazer' })).toBeVisible();
    await page.clock.fastForward('09:00');
    await expect(done.getByRole('button', { name: 'Desfazer' })).toBeVisible();
    await page.clock.fastForward('01:05');
    await expect(done.getByRole('button', { name: 'Desfazer' })).toHaveCount(0);
    await expect(done).not.toContainText('Pode ser desfeita');
    await expect(done).toContainText('Caso #1004 unificado ao caso #1001.');
  });

  test('a double-clicked confirm sends one unification', async ({ page, sandbox, errors }) => {
    await open(page);
    const posts = unifyPosts(page);
    await sandbox.fault({ route: 'unify', latency_ms: 600, times: 1 });
    await box(page, 1014).check();
    await panel(page).getByRole('button', { name: 'Unificar Atendimentos' }).click();
    await panel(page).getByRole('button', { name: 'Confirmar unificação' }).dblclick();
    await expect(panel(page).getByRole('button', { name: 'Unificando…' })).toHaveAttribute('aria-busy', 'true');
    await expect(panel(page)).toContainText('Caso #1014 unificado ao caso #1001.');
    expect(posts).toHaveLength(1);
  });

  test('an answer lost on the way: the list shows it happened, and retrying with the same key confirms it once', async ({ page, sandbox, errors }) => {
    // no answer: the UI cannot know whether it happened, and says so
    const { posts, failed } = await unifyWithLostAnswer(page, sandbox);
    await expect(failed).toContainText('Sem conexão com o servidor');
    // it did happen, and the case's stream shows it: #1003 is listed as unified into this case,
    // without a note that it left the selection (that request took it, not someone else)
    await expect(row(page, 1003).locator('.cv-chip--reason')).toHaveText('Já unificado');
    await expect(panel(page).locator('[data-dropped]')).toHaveCount(0);
    // the retry sends that very request again (same key), and the server answers with what it did
    await failed.getByRole('button', { name: 'Tentar novamente' }).click();
    await expect(panel(page)).toContainText('Caso #1003 unificado ao caso #1001.');
    expect(posts).toHaveLength(2);
    expect(posts[1].headers()['idempotency-key']).toBe(posts[0].headers()['idempotency-key']);
    // the server holds exactly one unification of 1003
    const res = await page.request.get('/v1/cases/1001/customer-cases', { headers: { Authorization: 'Bearer demo-token-ana' } });
    const items = (await res.json()).items as { id: number; merged_into?: number }[];
    expect(items.find((c) => c.id === 1003)?.merged_into).toBe(1001);
  });

  test('a lost answer whose unification a colleague undid meanwhile: the retry says it was undone, with no "Desfazer" (show the replay as done and this fails)', async ({ page, sandbox, errors }) => {
    const { posts, failed } = await unifyWithLostAnswer(page, sandbox);
    await expect(row(page, 1003).locator('.cv-chip--reason')).toHaveText('Já unificado');
    // the colleague undoes it (the tenant's first unification); the stream makes #1003 eligible again
    const undo = await page.request.delete('/v1/cases/1001/unifications/1', { headers: { authorization: 'Bearer demo-token-colega' } });
    expect(undo.status()).toBe(200);
    await expect(row(page, 1003).locator('.cv-chip--reason')).toHaveCount(0);
    // the retry is a replay of that very request: the server says what became of it
    await failed.getByRole('button', { name: 'Tentar novamente' }).click();
    await expect(panel(page).getByRole('status').filter({ hasText: 'Unificação desfeita' })).toHaveText(
      /Unificação desfeita: #1003 voltou a ser atendimento separado\./,
    );
    await expect(panel(page)).not.toContainText('unificado ao caso #1001');
    await expect(panel(page).getByRole('button', { name: 'Desfazer' })).toHaveCount(0);
    expect(posts).toHaveLength(2);
    expect(posts[1].headers()['idempotency-key']).toBe(posts[0].headers()['idempotency-key']);
    // and nothing was unified again
    const res = await page.request.get('/v1/cases/1001/customer-cases', { headers: { Authorization: 'Bearer demo-token-ana' } });
    const items = (await res.json()).items as { id: number; merged_into?: number }[];
    expect(items.find((c) => c.id === 1003)?.merged_into ?? null).toBeNull();
  });

  test('a lost answer stays "may have happened" through a retry that fails: the next retry still sends that very request (forget it after the 503 and this fails)', async ({ page, sandbox, errors }) => {
    const { posts, failed } = await unifyWithLostAnswer(page, sandbox);
    await expect(row(page, 1003).locator('.cv-chip--reason')).toHaveText('Já unificado');
    // the first retry meets a server that is unavailable: nothing is known still
    await sandbox.fault({ route: 'unify', status: 503, times: 1 });
    await failed.getByRole('button', { name: 'Tentar novamente' }).click();
    await expect(failed).toContainText('indisponível');
    expect(posts).toHaveLength(2);
    await expect(panel(page).locator('[data-dropped]')).toHaveCount(0);
    await failed.getByRole('button', { name: 'Tentar novamente' }).click();
    await expect(panel(page)).toContainText('Caso #1003 unificado ao caso #1001.');
    expect(posts).toHaveLength(3);
    expect(new Set(posts.map((p) => p.headers()['idempotency-key'])).size).toBe(1);
  });

  test('after a lost answer, a request for other ticks that fails still says the first may have happened (forget it with the new ticks and this fails)', async ({ page, sandbox, errors }) => {
    const { posts, failed } = await unifyWithLostAnswer(page, sandbox);
    await expect(row(page, 1003).locator('.cv-chip--reason')).toHaveText('Já unificado');
    // the agent ticks another case and sends again: a new request, which the server refuses
    await box(page, 1004).check();
    await sandbox.fault({ route: 'unify', status: 503, times: 1 });
    await panel(page).getByRole('button', { name: 'Unificar Atendimentos' }).click();
    await panel(page).getByRole('button', { name: 'Confirmar unificação' }).click();
    await expect.poll(() => posts.length).toBe(2);
    expect(posts[1].headers()['idempotency-key']).not.toBe(posts[0].headers()['idempotency-key']);
    // #1003's unification did happen: "nothing was unified" would be false
    await expect(failed).toContainText('indisponível');
    await expect(failed).toContainText('a unificação pode ter sido feita');
    await expect(failed).not.toContainText('Nada foi unificado');
  });

  test('a unification that times out may have happened: the retry completes it once', async ({ page, sandbox, errors }) => {
    await withRequestTimeout(page, 1000);
    await open(page);
    const posts = unifyPosts(page);
    await sandbox.fault({ route: 'unify', latency_ms: 60_000, times: 1 });
    await box(page, 1004).check();
    await panel(page).getByRole('button', { name: 'Unificar Atendimentos' }).click();
    await panel(page).getByRole('button', { name: 'Confirmar unificação' }).click();
    const failed = panel(page).getByRole('alert').filter({ hasText: 'Não foi possível confirmar a unificação' });
    await expect(failed).toContainText('O servidor demorou demais para responder');
    // a write is never retried on its own
    expect(posts).toHaveLength(1);
    await expect(box(page, 1004)).toBeChecked();
    await failed.getByRole('button', { name: 'Tentar novamente' }).click();
    await expect(panel(page)).toContainText('Caso #1004 unificado ao caso #1001.');
    expect(posts).toHaveLength(2);
    expect(posts[1].headers()['idempotency-key']).toBe(posts[0].headers()['idempotency-key']);
  });

  test('a refusal as a whole says nothing was unified', async ({ page, sandbox, errors }) => {
    await open(page);
    await sandbox.fault({ route: 'unify', status: 500, times: 1 });
    await box(page, 1004).check();
    await panel(page).getByRole('button', { name: 'Unificar Atendimentos' }).click();
    await panel(page).getByRole('button', { name: 'Confirmar unificação' }).click();
    const failed = panel(page).getByRole('alert').filter({ hasText: 'A unificação não foi concluída' });
    await expect(failed).toContainText('Nada foi unificado e sua seleção foi mantida.');
    await expect(box(page, 1004)).toBeChecked();
    await expect(row(page, 1004).locator('.cv-chip--reason')).toHaveCount(0);
  });

  test('the whole unification by keyboard alone', async ({ page, sandbox, errors }) => {
    await open(page);
    await box(page, 1004).focus();
    await page.keyboard.press('Space');
    await expect(box(page, 1004)).toBeChecked();
    const unify = panel(page).getByRole('button', { name: 'Unificar Atendimentos' });
    await unify.focus();
    await page.keyboard.press('Enter');
    await expect(panel(page).getByRole('button', { name: 'Confirmar unificação' })).toBeFocused();
    await page.keyboard.press('Escape'); // closes the alert, not the modal
    await expect(dialog(page)).toBeVisible();
    await expect(panel(page).getByRole('alertdialog')).toHaveCount(0);
    await expect(unify).toBeFocused();
    await unify.focus();
    await page.keyboard.press('Enter');
    await expect(panel(page).getByRole('button', { name: 'Confirmar unificação' })).toBeFocused();
    await page.keyboard.press('Enter');
    const done = panel(page).getByRole('status').filter({ hasText: 'unificado ao caso' });
    await expect(done).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(panel(page).getByRole('button', { name: 'Desfazer' })).toBeFocused();
  });

  test('a unification on its way when the modal closes completes, and is shown with "Desfazer" when the case opens again (cancel it on close and this fails)', async ({ page, sandbox, errors }) => {
    await open(page);
    const posts = unifyPosts(page);
    await sandbox.fault({ route: 'unify', latency_ms: 1500, times: 1 });
    await box(page, 1004).check();
    await panel(page).getByRole('button', { name: 'Unificar Atendimentos' }).click();
    await panel(page).getByRole('button', { name: 'Confirmar unificação' }).click();
    await expect(panel(page).getByRole('button', { name: 'Unificando…' })).toBeVisible();
    await dialog(page).getByRole('button', { name: 'Fechar', exact: true }).click();
    await expect(dialog(page)).toHaveCount(0);
    const merged = async () => {
      const res = await page.request.get('/v1/cases/1001/customer-cases', { headers: { Authorization: 'Bearer demo-token-ana' } });
      return ((await res.json()).items as { id: number; merged_into?: number }[]).find((c) => c.id === 1004)?.merged_into;
    };
    await expect.poll(merged, { timeout: 10_000 }).toBe(1001);
    // the same case opened again in the same page: the outcome, with its undo, is there
    await page.locator('a[href="/casos/1001"]').click();
    await dialog(page).getByRole('tab', { name: /^Histórico do Cliente/ }).click();
    const done = panel(page).getByRole('status').filter({ hasText: 'Caso #1004 unificado ao caso #1001.' });
    await expect(done).toBeVisible();
    await done.getByRole('button', { name: 'Desfazer' }).click();
    await expect(panel(page)).toContainText('#1004');
    await expect.poll(merged).not.toBe(1001);
    expect(posts).toHaveLength(1);
  });

  test('a unification on its way when the agent opens another case ends there: the other case shows nothing of it, the first shows its outcome when opened again', async ({ page, sandbox, errors }) => {
    await open(page);
    await sandbox.fault({ route: 'unify', latency_ms: 1500, times: 1 });
    await box(page, 1003).check();
    await panel(page).getByRole('button', { name: 'Unificar Atendimentos' }).click();
    const answered = page.waitForResponse((r) => r.url().endsWith('/v1/cases/1001/unifications'));
    await panel(page).getByRole('button', { name: 'Confirmar unificação' }).click();
    await expect(panel(page).getByRole('button', { name: 'Unificando…' })).toBeVisible();
    await row(page, 1002).getByRole('button', { name: 'Continuar o atendimento do caso #1002' }).click();
    await expect(dialog(page)).toContainText('Caso #1002');
    await dialog(page).getByRole('tab', { name: /^Histórico do Cliente/ }).click();
    // #1002's own flow: nothing selected, no alert of #1001's request, before or after its answer
    await expect(panel(page).getByRole('table', { name: 'Atendimentos do cliente' })).toBeVisible();
    await expect(panel(page).locator('.cv-alert')).toHaveCount(0);
    expect((await answered).status()).toBe(201);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await expect(panel(page).locator('.cv-alert')).toHaveCount(0);
    await expect(panel(page).getByText('Caso #1003 unificado')).toHaveCount(0);
    await expect(panel(page).getByRole('button', { name: 'Unificar Atendimentos' })).toBeDisabled();
    // back on #1001: its request answered meanwhile
    await panel(page).getByRole('button', { name: 'Continuar o atendimento do caso #1001' }).click();
    await expect(dialog(page)).toContainText('Caso #1001');
    await dialog(page).getByRole('tab', { name: /^Histórico do Cliente/ }).click();
    await expect(panel(page).getByRole('status').filter({ hasText: 'Caso #1003 unificado ao caso #1001.' })).toBeVisible({ timeout: 10_000 });
    await expect(panel(page).getByRole('button', { name: 'Desfazer' })).toBeVisible();
    // and its list is current: #1003 shows as unified into this case
    await expect(row(page, 1003).locator('.cv-chip--reason')).toHaveText('Já unificado');
  });

  test('"Continuar atendimento" opens the other case', async ({ page, sandbox, errors }) => {
    await open(page);
    await row(page, 1002).getByRole('button', { name: 'Continuar o atendimento do caso #1002' }).click();
    await expect(page).toHaveURL(/\/casos\/1002$/);
    await expect(dialog(page)).toContainText('Caso #1002');
  });
});

test('a finished case offers no unification, and says why', async ({ page, sandbox, errors }) => {
  await page.goto('/casos/1006/historico-do-cliente');
  const panel = dialog(page).getByRole('tabpanel');
  await expect(panel.getByRole('table', { name: 'Atendimentos do cliente' })).toBeVisible();
  await expect(panel.getByRole('alert')).toHaveText('Este caso está finalizado: não é possível unificar atendimentos nele.');
  await expect(panel.getByRole('button', { name: 'Unificar Atendimentos' })).toHaveAttribute('aria-disabled', 'true');
  // a case that would be eligible elsewhere is not selectable into a finished one
  await expect(panel.getByRole('checkbox', { name: 'Selecionar o caso #1002 para unificar' })).toBeDisabled();
  await expect(panel.getByRole('checkbox', { name: 'Selecionar todos os casos elegíveis' })).toBeDisabled();
});
