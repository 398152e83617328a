import { test, expect, dialog } from './fixtures';
import type { Page, Locator } from '@playwright/test';

// Case #1001 of the demo data: 12 history events and 8 calls (crates/sandbox/src/demo.rs).

function table(page: Page, name: string) {
  return dialog(page).getByRole('table', { name });
}
function bodyRows(t: Locator) {
  return t.locator('.cv-datalist__body [role=row]');
}
/** The rows' aria-rowindex in DOM order (the header row is 1). */
function rowIndices(t: Locator) {
  return bodyRows(t).evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-rowindex')));
}
async function pick(page: Page, filter: string, option: string) {
  const panel = dialog(page).getByRole('tabpanel');
  await panel.getByRole('button', { name: new RegExp(`^${filter}`) }).click();
  await panel.getByRole('group', { name: filter }).getByRole('checkbox', { name: new RegExp(`^${option}`) }).check();
  await page.keyboard.press('Escape'); // closes the list, not the dialog
  await expect(dialog(page)).toBeVisible();
}

test.describe('Histórico do Caso', () => {
  test.beforeEach(async ({ page, sandbox }) => {
    await page.goto('/casos/1001/historico-do-caso');
    await expect(table(page, 'Histórico do caso')).toBeVisible();
  });

  test('lists every event newest first, with the total announced, and the order toggles', async ({ page, errors }) => {
    const t = table(page, 'Histórico do caso');
    await expect(t).toHaveAttribute('aria-rowcount', '13');
    await expect(dialog(page).getByRole('status').filter({ hasText: 'de 12' })).toHaveText('12 de 12 registros');
    await expect(bodyRows(t).first()).toContainText('Status alterado para Em andamento');
    await dialog(page).getByRole('button', { name: 'Mais recentes primeiro' }).click();
    await expect(bodyRows(t).first()).toContainText('Caso aberto pelo WhatsApp');
    // rows are kept by event across a new order: their announced positions follow what is shown
    await expect(bodyRows(t).first()).toHaveAttribute('aria-rowindex', '2');
    expect(await rowIndices(t)).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 2)));
  });

  test('the search narrows to descriptions and comments, ignoring accents, and highlights matches', async ({ page, errors }) => {
    const panel = dialog(page).getByRole('tabpanel');
    const search = panel.getByRole('searchbox', { name: 'Buscar na descrição e nos comentários' });
    await search.fill('estorno');
    await expect(panel.getByRole('status').first()).toHaveText('4 de 12 registros');
    await expect(panel.locator('mark').first()).toHaveText(/estorno/i);
    await expect(bodyRows(table(page, 'Histórico do caso'))).toHaveCount(4);
    expect(await rowIndices(table(page, 'Histórico do caso'))).toEqual(['2', '3', '4', '5']);
    await search.fill('aprovacao');
    await expect(panel.getByRole('status').first()).toHaveText('1 de 12 registros');
    await expect(bodyRows(table(page, 'Histórico do caso'))).toHaveCount(1);
    await expect(panel.locator('mark')).toHaveText('aprovação');
    await search.fill('xyzzy');
    await expect(panel).toContainText('Nenhum registro corresponde à busca “xyzzy”.');
    await panel.getByRole('button', { name: 'Limpar filtros' }).first().click();
    await expect(panel.getByRole('status').first()).toHaveText('12 de 12 registros');
  });

  test('each of the four filters, and their combination, narrows to exactly the expected rows', async ({ page, errors }) => {
    const panel = dialog(page).getByRole('tabpanel');
    const status = panel.getByRole('status').first();
    const rows = bodyRows(table(page, 'Histórico do caso'));
    await pick(page, 'Usuário', 'Carlos Pereira');
    await expect(status).toHaveText('1 de 12 registros');
    await expect(rows).toHaveText([/Ligação realizada para o cliente/]);
    await panel.getByRole('button', { name: 'Limpar filtros' }).click();

    await pick(page, 'Canal', 'E-mail');
    await expect(rows).toHaveText([/E-mail enviado com o protocolo do estorno/]);
    await panel.getByRole('button', { name: 'Limpar filtros' }).click();

    await pick(page, 'Ação', 'Comentário');
    await expect(status).toHaveText('2 de 12 registros');
    await panel.getByRole('button', { name: 'Limpar filtros' }).click();

    // both halves are 6 of 12: which rows remain tells them apart (swapping the two fails here)
    await panel.getByRole('combobox', { name: 'Comentários' }).selectOption('without');
    await expect(status).toHaveText('6 de 12 registros');
    await expect(rows.filter({ hasText: 'Comentário interno' })).toHaveCount(0);
    await expect(rows.filter({ hasText: 'E-mail enviado com o protocolo do estorno' })).toHaveCount(1);
    await panel.getByRole('combobox', { name: 'Comentários' }).selectOption('with');
    await expect(status).toHaveText('6 de 12 registros');
    await expect(rows.filter({ hasText: 'Comentário interno' })).toHaveCount(2);
    await expect(rows.filter({ hasText: 'E-mail enviado com o protocolo do estorno' })).toHaveCount(0);
    await pick(page, 'Usuário', 'Ana Lima');
    await expect(status).toHaveText('3 de 12 registros');
    await expect(rows).toHaveText([/Status alterado/, /Caso transferido/, /Comentário interno/]);
    await panel.getByRole('button', { name: 'Limpar filtros' }).click();
    await expect(status).toHaveText('12 de 12 registros');
  });

  test('a questionnaire expands under its event', async ({ page, errors }) => {
    const panel = dialog(page).getByRole('tabpanel');
    const toggle = panel.getByRole('button', { name: /1 questionário/ });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(panel).toContainText('Triagem de cobrança');
    await expect(panel).toContainText('Qual o valor contestado?');
    await expect(panel).toContainText('R$ 189,90');
  });

  test('the filtered view is in the URL, survives a reload, and is kept when switching tabs', async ({ page, errors }) => {
    const panel = dialog(page).getByRole('tabpanel');
    await panel.getByRole('searchbox', { name: 'Buscar na descrição e nos comentários' }).fill('estorno');
    await expect(page).toHaveURL(/h_busca=estorno/);
    await page.reload();
    await expect(dialog(page).getByRole('tabpanel').getByRole('status').first()).toHaveText('4 de 12 registros');
    await dialog(page).getByRole('tab', { name: /^SLA/ }).click();
    await dialog(page).getByRole('tab', { name: /^Histórico do Caso/ }).click();
    await expect(dialog(page).getByRole('tabpanel').getByRole('searchbox')).toHaveValue('estorno');
  });

  test('closed and opened again, the list keeps its search and the URL says it again; a link naming another search decides', async ({ page, errors }) => {
    const panel = dialog(page).getByRole('tabpanel');
    const search = panel.getByRole('searchbox', { name: 'Buscar na descrição e nos comentários' });
    await search.fill('estorno');
    await expect(page).toHaveURL(/h_busca=estorno/);
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/\/$/);
    await page.locator('a[href="/casos/1001"]').click();
    // the case's link carries no search: the list keeps the agent's, and the URL follows it
    await expect(page).toHaveURL(/\/casos\/1001\?h_busca=estorno$/);
    await dialog(page).getByRole('tab', { name: /^Histórico do Caso/ }).click();
    await expect(search).toHaveValue('estorno');
    await expect(panel.getByRole('status').first()).toHaveText('4 de 12 registros');
    await page.keyboard.press('Escape');
    // a link (here the history's own entry) with a search of its own: that one shows
    await page.evaluate(() => {
      history.pushState({}, '', '/casos/1001/historico-do-caso?h_busca=fatura');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await expect(search).toHaveValue('fatura');
    await expect(page).toHaveURL(/h_busca=fatura$/);
  });
});

test.describe('Histórico de Ligações', () => {
  test.beforeEach(async ({ page, sandbox }) => {
    await page.goto('/casos/1001/ligacoes');
    await expect(table(page, 'Ligações do caso')).toBeVisible();
  });

  test('the phone search finds a call however the number is typed', async ({ page, errors }) => {
    const panel = dialog(page).getByRole('tabpanel');
    const search = panel.getByRole('searchbox', { name: 'Buscar por telefone' });
    for (const typed of ['(11) 3456-7890', '1134567890', '+55 11 3456 7890']) {
      await search.fill(typed);
      await expect(panel.getByRole('status').first()).toHaveText('2 de 8 registros');
      await expect(bodyRows(table(page, 'Ligações do caso'))).toHaveText([/Abandonada/, /Não atendida/]);
    }
  });

  test('status and agent filters narrow the rows and the totals follow', async ({ page, errors }) => {
    const panel = dialog(page).getByRole('tabpanel');
    await expect(panel).toContainText('8 ligações · 00:24:10 de conversa');
    await pick(page, 'Status', 'Atendida');
    await expect(panel.getByRole('status').first()).toHaveText('3 de 8 registros');
    await expect(panel).toContainText('3 ligações · 00:22:47 de conversa');
    await pick(page, 'Atendente', 'Carlos Pereira');
    await expect(bodyRows(table(page, 'Ligações do caso'))).toHaveText([/Carlos Pereira.*00:12:05/]);
    await panel.getByRole('button', { name: 'Limpar filtros' }).click();
    await expect(panel.getByRole('status').first()).toHaveText('8 de 8 registros');
  });

  test('the period filter has quick choices and an inverted period gets a clear message, not a crash', async ({ page, errors }) => {
    const panel = dialog(page).getByRole('tabpanel');
    // the demo's missed call is 20 days old: a period filter that does nothing fails here
    await panel.getByRole('button', { name: 'Últimos 7 dias' }).click();
    await expect(panel.getByRole('status').first()).toHaveText('7 de 8 registros');
    await expect(bodyRows(table(page, 'Ligações do caso')).filter({ hasText: 'Não atendida' })).toHaveCount(0);
    await panel.getByRole('button', { name: 'Últimos 30 dias' }).click();
    await expect(panel.getByRole('status').first()).toHaveText('8 de 8 registros');
    await panel.getByRole('button', { name: 'Limpar filtros' }).click();
    await panel.getByLabel('De', { exact: true }).fill('01/01/2030');
    await expect(panel).toContainText('Nenhum registro atende ao filtro selecionado.');
    await panel.getByLabel('Até', { exact: true }).fill('31/12/2029');
    await expect(panel.getByRole('alert')).toHaveText('A data inicial é posterior à data final: ajuste o período.');
    await panel.getByRole('button', { name: 'Limpar filtros' }).click();
    await expect(panel.getByRole('alert')).toHaveCount(0);
    await expect(panel.getByRole('status').first()).toHaveText('8 de 8 registros');
  });
});

// At a device pixel ratio of 1 (most office screens), Chromium scrolls a list on the compositor
// only when the list's background can move with its rows (a stable scrollbar gutter prevented
// it). A list it does not composite is repainted on every scroll frame, and nearly every row's
// clipped cells then got a layer of their own: up to 48 layers, many made anew by each keystroke
// that changed the rows (docs/performance.md, session 17). Counted in the layer tree Chromium
// reports, not timed. (Anexos has the same list; the demo's few files fit in view.)
test.describe('the lists scroll on the compositor', () => {
  // at a ratio of 2 Chromium composites every scroller: the test would pass whatever the CSS
  test.use({ viewport: { width: 1280, height: 560 }, deviceScaleFactor: 1 });

  for (const [tab, name] of [
    ['Histórico do Caso', 'Histórico do caso'], ['Histórico do Cliente', 'Atendimentos do cliente'],
    ['Histórico de Ligações', 'Ligações do caso'],
  ]) {
    test(`${tab}: one layer scrolls its rows, none is made per row`, async ({ page, sandbox, errors }) => {
      await page.goto('/casos/1001');
      await dialog(page).getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      const t = table(page, name);
      await expect(bodyRows(t).first()).toBeVisible();
      const list = t; // the table is the scroller (.cv-datalist)
      expect(await list.evaluate((el) => el.scrollHeight > el.clientHeight), 'the list has rows out of view').toBe(true);

      const cdp = await page.context().newCDPSession(page);
      let layers: { layerId: string; backendNodeId?: number }[] = [];
      let trees = 0;
      cdp.on('LayerTree.layerTreeDidChange', (e) => { if (e.layers) { layers = e.layers; trees++; } });
      await cdp.send('DOM.getDocument', { depth: 0 });
      await cdp.send('LayerTree.enable');
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      // scrolled a little, then two frames: a tree reported after that is of this state
      const before = trees;
      await list.evaluate((el) => { el.scrollTop = 30; });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await expect.poll(() => trees).toBeGreaterThan(before);

      const inRows: string[] = [];
      const listReasons: string[] = [];
      for (const l of layers) {
        if (!l.backendNodeId) continue;
        // a node gone since the tree was reported has nothing to say
        const resolved = await cdp.send('DOM.resolveNode', { backendNodeId: l.backendNodeId }).catch(() => null);
        const object = resolved?.object;
        if (!object?.objectId) continue;
        const { result } = await cdp.send('Runtime.callFunctionOn', {
          objectId: object.objectId, returnByValue: true,
          functionDeclaration: `function () {
            const el = this.nodeType === 1 ? this : this.parentElement;
            if (el?.closest('.cv-datalist__body [role=row]')) return el.outerHTML.slice(0, 80);
            return el?.classList.contains('cv-datalist') ? 'the list' : '';
          }`,
        });
        if (result.value === 'the list') {
          listReasons.push(...(await cdp.send('LayerTree.compositingReasons', { layerId: l.layerId })).compositingReasonIds ?? []);
        } else if (result.value) {
          inRows.push(result.value);
        }
      }
      expect(inRows, 'layers made for pieces of rows').toEqual([]);
      expect(listReasons, 'the list is a composited scroller').toContain('OverflowScrolling');
    });
  }
});
