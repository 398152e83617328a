import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
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
    const tabs = d.getByRole('tab');
    await expect(tabs).toHaveCount(8);
    for (let i = 0; i < 8; i++) {
      await tabs.nth(i).click();
      const panel = d.getByRole('tabpanel');
      await expect(panel).toBeVisible();
      await expect(panel.locator('.cv-skeleton')).toHaveCount(0);
      expect(await serious(page), `${await tabs.nth(i).textContent()} (${locale})`).toEqual([]);
    }
  });
}
