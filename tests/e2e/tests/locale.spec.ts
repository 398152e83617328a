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

  // ?lang= wins over the browser
  await page.goto('/?lang=pt-BR');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Casos');

  // the switch inside the modal: the choice is saved and outlives a reload
  await page.goto('/casos/1001');
  await page.getByRole('dialog', { name: 'Case details' }).getByRole('button', { name: 'Português' }).click();
  const d = page.getByRole('dialog', { name: 'Informações do Atendimento' });
  await expect(d.getByRole('tab', { selected: true })).toHaveText(/^Dados do Caso/);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('pt-BR');
  await page.reload();
  await expect(d).toBeVisible();

  // ?lang= still wins over the saved choice; an unknown one falls through to it
  await page.goto('/casos/1001?lang=en');
  await expect(page.getByRole('dialog', { name: 'Case details' })).toBeVisible();
  await page.goto('/casos/1001?lang=fr');
  await expect(d).toBeVisible();
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
