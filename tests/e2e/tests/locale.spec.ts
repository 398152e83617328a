import { test, expect } from './fixtures';
import type { Browser } from '@playwright/test';

// The standalone app's language: ?lang=, then the choice the user saved, then the browser's
// languages (any Portuguese gives pt-BR, else English). Dates and money in the locale's form.

async function pageIn(browser: Browser, locale: string) {
  const context = await browser.newContext({ locale, timezoneId: 'America/Sao_Paulo' });
  return { context, page: await context.newPage() };
}

test('the language follows the browser, then a saved choice, and ?lang= above both', async ({ browser, sandbox }) => {
  const { context, page } = await pageIn(browser, 'en-US');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cases');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

  // ?lang= wins over the browser, is a choice (saved), and leaves the address
  await page.goto('/casos/1001/sla?lang=pt-BR');
  const d = page.getByRole('dialog', { name: 'Informações do Atendimento' });
  await expect(d.getByRole('tab', { selected: true })).toHaveText(/^SLA/);
  await expect(page).toHaveURL(/\/casos\/1001\/sla$/);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Casos');

  // the switch inside the modal: the choice is saved and outlives a reload
  await page.goto('/casos/1001');
  await d.getByRole('button', { name: 'English' }).click();
  const en = page.getByRole('dialog', { name: 'Case details' });
  await expect(en.getByRole('tab', { selected: true })).toHaveText(/^Case data/);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  await page.reload();
  await expect(en).toBeVisible();

  // an unknown ?lang= falls through to the saved choice, and leaves the address too
  await page.goto('/casos/1001?lang=fr');
  await expect(en).toBeVisible();
  await expect(page).toHaveURL(/\/casos\/1001$/);
  await context.close();
});

test('a browser with Portuguese anywhere in its languages gets pt-BR; one without gets English', async ({ browser, sandbox }) => {
  for (const [languages, heading] of [[['en-US', 'pt-BR'], 'Casos'], [['fr-FR', 'de'], 'Cases']] as const) {
    const { context, page } = await pageIn(browser, languages[0]);
    await page.addInitScript((l) => Object.defineProperty(navigator, 'languages', { get: () => l }), [...languages]);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await context.close();
  }
});

test('an English page shows English dates and money; a pt-BR page dd/mm/aaaa and R$ 189,90', async ({ page, sandbox, errors }) => {
  await page.goto('/casos/1001?lang=en');
  const en = page.getByRole('dialog', { name: 'Case details' });
  const opened = en.getByRole('tabpanel').locator('time[title]').first();
  await expect(opened).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M$/);
  await expect(en.getByRole('tabpanel')).toContainText(/Valor contestado\s*R\$\s?189\.90/);

  await page.goto('/casos/1001?lang=pt-BR');
  const pt = page.getByRole('dialog', { name: 'Informações do Atendimento' });
  await expect(pt.getByRole('tabpanel').locator('time[title]').first()).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  await expect(pt.getByRole('tabpanel')).toContainText(/Valor contestado\s*R\$\s189,90/);
});

// <input type=date> shows the browser interface's order: an English Chrome gave mm/dd/yyyy on
// the pt-BR page. The period fields follow the page's language, with a date field's keys.
test('the period fields read and show dd/mm/aaaa on the pt-BR page in an English browser, with the arrow keys', async ({ browser, sandbox }) => {
  const { context, page } = await pageIn(browser, 'en-US');
  await page.goto('/casos/1001/ligacoes?lang=pt-BR');
  const panel = page.getByRole('dialog', { name: 'Informações do Atendimento' }).getByRole('tabpanel');
  const from = panel.getByRole('textbox', { name: 'De', exact: true });
  await expect(from).toHaveAttribute('placeholder', 'dd/mm/aaaa');
  await expect(from).toHaveAccessibleDescription(/formato dd\/mm\/aaaa/);
  // typed digits get their separators; a whole day filters at once
  await from.pressSequentially('01012030');
  await expect(from).toHaveValue('01/01/2030');
  await expect(panel).toContainText('Nenhum registro atende ao filtro selecionado.');
  await expect(page).toHaveURL(/l_de=2030-01-01/);
  // ArrowDown on the day wraps within the month; on the month it steps the month
  await from.press('Home');
  await from.press('ArrowDown');
  await expect(from).toHaveValue('31/01/2030');
  await from.press('ArrowRight'); // the caret on the month
  await from.press('ArrowRight');
  await from.press('ArrowRight');
  await from.press('ArrowDown');
  await expect(from).toHaveValue('31/12/2030');
  // a quick period writes the days in the same form
  await panel.getByRole('button', { name: 'Últimos 7 dias' }).click();
  await expect(from).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
  await expect(panel.getByRole('status').first()).toHaveText('7 de 8 registros');
  // a day that does not exist is reported once the field is left, never a crash
  const to = panel.getByRole('textbox', { name: 'Até', exact: true });
  await to.fill('31/02/2030');
  await to.blur();
  await expect(panel.getByRole('alert')).toHaveText('Data inválida: use o formato dd/mm/aaaa.');
  await panel.getByRole('button', { name: 'Limpar filtros' }).click();
  await expect(from).toHaveValue('');
  await expect(to).toHaveValue('');
  await expect(panel.getByRole('alert')).toHaveCount(0);

  // the English page: mm/dd/yyyy
  await page.goto('/casos/1001/ligacoes?lang=en');
  const en = page.getByRole('dialog', { name: 'Case details' }).getByRole('tabpanel');
  await expect(en.getByRole('textbox', { name: 'From', exact: true })).toHaveAttribute('placeholder', 'mm/dd/yyyy');
  await en.getByRole('textbox', { name: 'From', exact: true }).fill('12/31/2029');
  await expect(page).toHaveURL(/l_de=2029-12-31/);
  await context.close();
});
