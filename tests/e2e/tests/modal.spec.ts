import AxeBuilder from '@axe-core/playwright';
import { test, expect, TABS, dialog } from './fixtures';

test('a demo case opens the modal titled "Informações do Atendimento" with its eight tabs in order', async ({ page, sandbox, errors }) => {
  await page.goto('/casos/1001');
  const d = dialog(page);
  await expect(d).toBeVisible();
  await expect(d).toContainText('Caso #1001');
  const tabs = d.getByRole('tab');
  await expect(tabs).toHaveCount(8);
  for (const [i, name] of TABS.entries()) {
    await expect(tabs.nth(i)).toHaveText(new RegExp(`^${name}`));
  }
  await expect(d.getByRole('tab', { name: 'Dados do Caso' })).toHaveAttribute('aria-selected', 'true');
  // counts arrive for the tabs that list things
  await expect(d.getByRole('tab', { name: /^Histórico de Ligações/ })).toHaveText('Histórico de Ligações8');
  await expect(d.getByRole('tab', { name: /^Anexos/ })).toHaveText('Anexos4');
});

test('Dados do Caso shows the demo customer and the case', async ({ page, sandbox, errors }) => {
  await page.goto('/casos/1001');
  const panel = dialog(page).getByRole('tabpanel');
  for (const text of ['João da Silva Conceição', '+55 (11) 91234-5678', 'joao.conceicao@exemplo.com.br', '529.982.247-25',
                      'CVX-2026-001001', 'Cobrança em duplicidade na fatura de outubro', 'Em andamento', 'WhatsApp',
                      'Financeiro › Cobrança', 'Ana Lima', 'Atendimento Varejo SP', 'FAT-2026-10-558812']) {
    await expect(panel).toContainText(text);
  }
  await expect(panel.getByRole('link', { name: 'https://crm.exemplo.com.br/clientes/1' })).toHaveAttribute('rel', /noopener/);
});

test('every tab can be selected with the mouse and with the keyboard', async ({ page, sandbox, errors }) => {
  await page.goto('/casos/1001');
  const d = dialog(page);
  for (const name of TABS) {
    const tab = d.getByRole('tab', { name: new RegExp(`^${name}`) });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await expect(d.getByRole('tabpanel')).toBeVisible();
  }
  await d.getByRole('tab', { name: /^Dados do Caso/ }).focus();
  for (const name of TABS.slice(1)) {
    await page.keyboard.press('ArrowRight');
    await expect(d.getByRole('tab', { name: new RegExp(`^${name}`) })).toHaveAttribute('aria-selected', 'true');
    await expect(d.getByRole('tab', { name: new RegExp(`^${name}`) })).toBeFocused();
  }
  await page.keyboard.press('Home');
  await expect(d.getByRole('tab', { name: /^Dados do Caso/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(d.getByRole('tab', { name: /^Pesquisa de Satisfação/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Alt+3');
  await expect(d.getByRole('tab', { name: /^Histórico do Cliente/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/\/casos\/1001\/historico-do-cliente$/);
});

test('the deep link /casos/1001/anexos opens with Anexos selected, and back returns to the previous tab', async ({ page, sandbox, errors }) => {
  await page.goto('/casos/1001/anexos');
  const d = dialog(page);
  await expect(d.getByRole('tab', { name: /^Anexos/ })).toHaveAttribute('aria-selected', 'true');
  await d.getByRole('tab', { name: /^SLA/ }).click();
  await expect(page).toHaveURL(/\/casos\/1001\/sla$/);
  await page.goBack();
  await expect(d.getByRole('tab', { name: /^Anexos/ })).toHaveAttribute('aria-selected', 'true');
});

test('a failing endpoint breaks its tab only, and "Tentar novamente" recovers it', async ({ page, sandbox, errors }) => {
  await sandbox.fault({ route: 'calls', status: 500 });
  await page.goto('/casos/1001');
  const d = dialog(page);
  await d.getByRole('tab', { name: /^Histórico de Ligações/ }).click();
  const alert = d.getByRole('tabpanel').getByRole('alert');
  await expect(alert).toContainText('Não foi possível carregar Histórico de Ligações.');
  await expect(alert).toContainText('O servidor encontrou um erro.');
  // the other seven keep working
  for (const name of TABS.filter((n) => n !== 'Histórico de Ligações')) {
    await d.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
    await expect(d.getByRole('tabpanel').getByRole('alert')).toHaveCount(0);
  }
  await sandbox.clearFaults();
  await d.getByRole('tab', { name: /^Histórico de Ligações/ }).click();
  await alert.getByRole('button', { name: 'Tentar novamente' }).click();
  await expect(d.getByRole('tab', { name: /^Histórico de Ligações/ })).toHaveText('Histórico de Ligações8');
  await expect(d.getByRole('tabpanel').getByRole('alert')).toHaveCount(0);
});

test('Esc closes the modal and focus returns to the case link that opened it; focus stays inside while open', async ({ page, sandbox, errors }) => {
  await page.goto('/');
  const link = page.getByRole('link', { name: 'Abrir as informações do caso #1001' });
  await link.click();
  const d = dialog(page);
  await expect(d).toBeVisible();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    expect(await d.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(d).toHaveCount(0);
  await expect(page).toHaveURL(/\/$/);
  await expect(link).toBeFocused();
});

test('axe-core finds no serious or critical violation in the open modal', async ({ page, sandbox, errors }) => {
  await page.goto('/casos/1001');
  await expect(dialog(page).getByRole('tabpanel')).toContainText('João da Silva Conceição');
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
});
