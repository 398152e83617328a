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

// Keyboard users see where they are: every element Tab reaches inside the modal, on every tab,
// draws a focus ring (an outline of at least 2 px that is not transparent).
test('every element reached by Tab shows visible focus', async ({ page, sandbox, errors }) => {
  await page.goto('/casos/1001');
  const d = page.getByRole('dialog', { name: 'Informações do Atendimento' });
  await everyTab(d, async () => {
    // from the selected tab, walk the panel's focusable elements
    await d.getByRole('tab', { selected: true }).focus();
    for (let step = 0; step < 12; step++) {
      await page.keyboard.press('Tab');
      const ring = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || !el.closest('[role=dialog]')) return null; // left the dialog: stop
        // the calendar button inside a date input (Chromium's own shadow DOM) has the focus, not
        // the input: Chromium draws its ring (seen on a screenshot), page styles cannot reach it
        if (el instanceof HTMLInputElement && el.type === 'date' && !el.matches(':focus')) return 'skip';
        // a visually hidden control (the file input) shows its ring on the label around it
        const shown = getComputedStyle(el).outlineStyle === 'none' && el.parentElement?.tagName === 'LABEL' ? el.parentElement : el;
        const s = getComputedStyle(shown);
        return { what: el.outerHTML.slice(0, 80),
                 style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor };
      });
      if (!ring) break;
      if (ring === 'skip') continue;
      expect(ring.style, ring.what).not.toBe('none');
      expect(ring.width, ring.what).toBeGreaterThanOrEqual(2);
      expect(ring.color, ring.what).not.toMatch(/rgba\(.*, 0\)|transparent/);
    }
  });
});
