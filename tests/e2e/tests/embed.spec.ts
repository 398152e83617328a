import { test, expect } from './fixtures';

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
