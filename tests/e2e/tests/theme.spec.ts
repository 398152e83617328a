import AxeBuilder from '@axe-core/playwright';
import { test, expect, everyTab, dialog } from './fixtures';
import type { Locator, Page } from '@playwright/test';

// One theme drives every colour (style/theme.css, generated from thaw's tokens): the standalone
// app follows the system's scheme, a host picks light, dark or a brand colour, and forced colours
// keep every state visible.

const bg = (l: Locator) => l.evaluate((el) => getComputedStyle(el).backgroundColor);
const luminance = (rgb: string) => {
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

async function serious(page: Page) {
  const results = await new AxeBuilder({ page }).include('[role=dialog]').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

test('the standalone app follows the system dark scheme, and axe finds nothing serious on any tab in it', async ({ page, sandbox, errors }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/casos/1001');
  const d = dialog(page);
  expect(luminance(await bg(d.locator('.cv-dialog').or(d).first()))).toBeLessThan(80);
  await everyTab(d, async (i) => {
    expect(await serious(page), `${await d.getByRole('tab').nth(i).textContent()} (dark)`).toEqual([]);
  });
  await page.emulateMedia({ colorScheme: 'light' });
  expect(luminance(await bg(d))).toBeGreaterThan(200);
});

test('a host chooses dark, then a brand colour, through the theme attribute', async ({ page, sandbox, errors }) => {
  await page.goto('/examples/host.html');
  await page.getByRole('button', { name: 'Open case #1001' }).click();
  const d = page.getByRole('dialog', { name: 'Informações do Atendimento' });
  await expect(d.getByRole('tabpanel')).toContainText('João da Silva Conceição');
  expect(luminance(await bg(d))).toBeGreaterThan(200); // light by default, whatever the system
  const widget = page.locator('cvortex-case-details');
  await widget.evaluate((el) => el.setAttribute('theme', 'dark'));
  await expect.poll(async () => luminance(await bg(d))).toBeLessThan(80);
  // the nearest choice wins: a light widget inside a dark ancestor stays light
  await widget.evaluate((el) => {
    el.parentElement!.setAttribute('data-cv-theme', 'dark');
    el.setAttribute('theme', 'light');
  });
  await expect.poll(async () => luminance(await bg(d))).toBeGreaterThan(200);
  await widget.evaluate((el) => el.parentElement!.removeAttribute('data-cv-theme'));
  await widget.evaluate((el) => el.setAttribute('theme', '#0b6a3a'));
  await expect.poll(async () => luminance(await bg(d))).toBeGreaterThan(200);
  await d.getByRole('tab', { name: /^Histórico do Cliente/ }).click();
  await d.getByRole('checkbox', { name: 'Selecionar o caso #1002 para unificar' }).check();
  await expect.poll(() => bg(d.getByRole('button', { name: 'Unificar Atendimentos' }))).toBe('rgb(11, 106, 58)');
  // anything but a hex colour never reaches the CSS
  await widget.evaluate((el) => el.setAttribute('theme', 'red; background: url(x)'));
  await expect.poll(() => bg(d.getByRole('button', { name: 'Unificar Atendimentos' }))).not.toBe('rgb(11, 106, 58)');
  expect(await widget.evaluate((el) => (el as HTMLElement).style.getPropertyValue('--cv-brand-custom'))).toBe('');
});

test('forced colours keep the selected tab, disabled rows and focus visible', async ({ page, sandbox, errors }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto('/casos/1001/historico-do-cliente');
  const d = dialog(page);
  const marker = (tab: Locator) => tab.evaluate((el) => getComputedStyle(el, '::after').backgroundColor);
  const selected = d.getByRole('tab', { name: /^Histórico do Cliente/ });
  const other = d.getByRole('tab', { name: /^Dados do Caso/ });
  const canvas = await bg(d);
  const mark = await marker(selected);
  expect(mark).not.toBe(canvas);
  expect(mark).not.toBe('rgba(0, 0, 0, 0)');
  expect(await marker(other)).not.toBe(mark);
  // a disabled row's text differs from an enabled one's
  const table = d.getByRole('table', { name: 'Atendimentos do cliente' });
  const colour = (l: Locator) => l.evaluate((el) => getComputedStyle(el).color);
  const disabled = table.locator('[role=row].cv-row--disabled').first();
  const enabled = table.locator('[role=row]:not(.cv-row--disabled):not(.cv-row--head)').first();
  expect(await colour(disabled)).not.toBe(await colour(enabled));
  // focus draws a ring
  await selected.focus();
  await page.keyboard.press('ArrowRight');
  const ring = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement!);
    return [s.outlineStyle, parseFloat(s.outlineWidth)];
  });
  expect(ring[0]).not.toBe('none');
  expect(ring[1]).toBeGreaterThanOrEqual(2);
});
