import AxeBuilder from '@axe-core/playwright';
import { test, expect, everyTab } from './fixtures';
import type { Page } from '@playwright/test';

// axe-core on every tab of the modal, in both locales: no serious or critical violation. Each
// tab is checked once its content is in.
async function serious(page: Page) {
  const results = await new AxeBuilder({ page }).include('[role=dialog]').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

for (const [locale, title] of [['pt-BR', 'Informações do Atendimento'], ['en', 'Case details']]) {
  test(`axe-core finds nothing serious on any tab (${locale})`, async ({ page, sandbox, errors }) => {
    await page.goto('/');
    if (locale === 'en') await page.getByRole('button', { name: 'English' }).click();
    await page.locator('a[href="/casos/1001"]').click();
    const d = page.getByRole('dialog', { name: title });
    await expect(d).toBeVisible();
    await everyTab(d, async (i) => {
      expect(await serious(page), `${await d.getByRole('tab').nth(i).textContent()} (${locale})`).toEqual([]);
    });
  });
}
