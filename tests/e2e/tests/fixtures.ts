import { test as base, expect, Page, APIRequestContext, Locator } from '@playwright/test';

export const TOKEN = 'demo-token-ana';

/** Test controls of the sandbox (they exist only with --faults). */
/** The test controls (`/__sandbox`, crates/sandbox/src/admin.rs): each call carries the admin
 *  token playwright.config.ts gave the sandbox, and a JSON body. */
export class Sandbox {
  private headers = { 'X-Sandbox-Token': process.env.SANDBOX_ADMIN_TOKEN ?? '' };
  constructor(private request: APIRequestContext) {}
  private async post(path: string, data: unknown) {
    expect((await this.request.post(path, { data, headers: this.headers })).status()).toBe(204);
  }
  async reset() {
    await this.post('/__sandbox/reset', {});
  }
  /** Loads a built-in data set instead of the demo ("hostile": crates/sandbox/src/hostile.rs). */
  async load(dataSet: string) {
    await this.post('/__sandbox/reset', { data_set: dataSet });
  }
  async fault(fault: Record<string, unknown> | Record<string, unknown>[]) {
    await this.post('/__sandbox/faults', fault);
  }
  async clearFaults() {
    expect((await this.request.delete('/__sandbox/faults', { headers: this.headers })).status()).toBe(204);
  }
  /** Something happens to a case, stored and published on its event stream (crates/sandbox/src/activity.rs). */
  async activity(what: Record<string, unknown> | Record<string, unknown>[]) {
    await this.post('/__sandbox/activity', what);
  }
  async patchCase(id: number, changes: Record<string, unknown>) {
    expect((await this.request.patch(`/__sandbox/cases/${id}`, { data: changes, headers: this.headers })).status()).toBe(204);
  }
}

/** What the browser reports when the e-mail frame does its job: a script blocked by the sandbox,
 *  a remote image blocked by the policies. Those are the protection working, not errors. */
const EXPECTED_BLOCKS = [
  /^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/,
  /^Loading the image '[^']*' violates the following Content Security Policy directive: "img-src/,
];

/** Errors the page reported: panics, uncaught exceptions, console errors. Failed HTTP answers
 *  that a test provoked on purpose are logged by Chromium as "Failed to load resource": ignored. */
export function trackErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    const text = m.text();
    if (m.type() !== 'error' || text.startsWith('Failed to load resource')) return;
    if (EXPECTED_BLOCKS.some((re) => re.test(text))) return;
    errors.push(`console: ${text}`);
  });
  return errors;
}

export const test = base.extend<{ sandbox: Sandbox; errors: string[] }>({
  sandbox: async ({ request }, use) => {
    const s = new Sandbox(request);
    await s.reset();
    await use(s);
  },
  errors: async ({ page }, use) => {
    const errors = trackErrors(page);
    await use(errors);
    expect(errors, 'no panic, exception or console error').toEqual([]);
  },
});

export { expect };

export const TABS = [
  'Dados do Caso', 'Histórico do Caso', 'Histórico do Cliente', 'Histórico de Ligações',
  'Interações', 'SLA', 'Anexos', 'Pesquisa de Satisfação',
];

/** Selects each of the eight tabs of dialog `d` in turn, waits until its content is in (no
 *  skeleton), and calls `each` with the tab's index and its panel. */
export async function everyTab(d: Locator, each: (i: number, panel: Locator) => Promise<void> = async () => {}) {
  const tabs = d.getByRole('tab');
  await expect(tabs).toHaveCount(8);
  for (let i = 0; i < 8; i++) {
    await tabs.nth(i).click();
    const panel = d.getByRole('tabpanel');
    await expect(panel).toBeVisible();
    await expect(panel.locator('.cv-skeleton')).toHaveCount(0);
    await each(i, panel);
  }
}

/** Selects the tab `name` of dialog `d` as a user would at any width: in the strip, or through
 *  its "Mais" menu when the strip has no room for it. */
export async function pickTab(d: Locator, name: string) {
  const tab = d.getByRole('tab', { name: new RegExp(`^${name}`) });
  if (await tab.isVisible()) {
    await tab.click();
  } else {
    await d.getByRole('button', { name: /^(Mais|More) \(/ }).click();
    await d.getByRole('menuitem', { name }).click();
  }
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

/** Serves the standalone page with `request_timeout_ms` added to its configuration. */
export async function withRequestTimeout(page: Page, ms: number) {
  await page.route('**/casos/**', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const res = await route.fetch();
    const html = (await res.text()).replace('"login":', `"request_timeout_ms": ${ms}, "login":`);
    expect(html, 'index.html has the standalone configuration').toContain('request_timeout_ms');
    await route.fulfill({ response: res, body: html });
  });
}

export function dialog(page: Page) {
  return page.getByRole('dialog', { name: 'Informações do Atendimento' });
}
