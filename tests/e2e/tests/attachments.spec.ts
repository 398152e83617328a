import { test, expect, dialog, TOKEN } from './fixtures';
import type { Page, Request } from '@playwright/test';
import { readFileSync } from 'node:fs';

// Case #1001 has 4 attachments in the demo data; uploads up to 10 MB of PDF, PNG, JPG, TXT, CSV,
// DOCX, XLSX or ZIP (crates/sandbox/src/demo.rs).

function panel(page: Page) {
  return dialog(page).getByRole('tabpanel');
}
function table(page: Page) {
  return panel(page).getByRole('table', { name: 'Anexos do caso' });
}
async function open(page: Page) {
  await page.goto('/casos/1001/anexos');
  await expect(table(page)).toBeVisible();
}
function uploads(page: Page) {
  const posts: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/attachments')) posts.push(r);
  });
  return posts;
}

test.describe('Anexos', () => {
  test('lists the files with size, origin and date; the search narrows by name', async ({ page, sandbox, errors }) => {
    await open(page);
    await expect(panel(page).getByRole('status').filter({ hasText: 'registros' })).toHaveText('4 de 4 registros');
    await expect(panel(page)).toContainText('Até 10,0 MB por arquivo · PDF, PNG, JPG, TXT, CSV, DOCX, XLSX, ZIP');
    await expect(table(page)).toContainText('Recebido por WhatsApp');
    await panel(page).getByRole('searchbox', { name: 'Buscar pelo nome do arquivo' }).fill('EXTRATO');
    await expect(panel(page).getByRole('status').filter({ hasText: 'registros' })).toHaveText('1 de 4 registros');
    await expect(table(page).locator('mark')).toHaveText('extrato');
  });

  test('an upload shows its progress, then the file in the list; the download returns the same bytes', async ({ page, sandbox, errors }) => {
    await open(page);
    await sandbox.fault({ route: 'upload', latency_ms: 1200, times: 1 });
    const content = Buffer.from('Relatório de atendimento — caso 1001\n'.repeat(2000), 'utf-8');
    await panel(page).locator('input[type=file]').setInputFiles({ name: 'relatório.txt', mimeType: 'text/plain', buffer: content });
    await expect(panel(page).getByRole('progressbar', { name: 'Progresso do envio' })).toBeVisible();
    await expect(panel(page).getByRole('status').filter({ hasText: 'Enviando relatório.txt' })).toBeVisible();
    await expect(panel(page)).toContainText('relatório.txt foi anexado ao caso.');
    await expect(panel(page).getByRole('status').filter({ hasText: 'registros' })).toHaveText('5 de 5 registros');
    await expect(dialog(page).getByRole('tab', { name: /^Anexos/ })).toContainText('5');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      table(page).getByRole('button', { name: 'Baixar relatório.txt' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('relatório.txt');
    expect(readFileSync(await download.path()).equals(content)).toBe(true);
  });

  test('a file over the limit or of a type not allowed is refused before anything is sent', async ({ page, sandbox, errors }) => {
    await open(page);
    const posts = uploads(page);
    const input = panel(page).locator('input[type=file]');
    await input.setInputFiles({ name: 'grande.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(11 * 1024 * 1024, 1) });
    await expect(panel(page).getByRole('alert')).toHaveText(/grande\.pdf tem 11,0 MB, acima do limite de 10,0 MB: não foi enviado\./);
    await input.setInputFiles({ name: 'programa.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
    await expect(panel(page).getByRole('alert')).toContainText('programa.exe: o tipo X-MSDOWNLOAD não é permitido');
    expect(posts).toEqual([]);
    await expect(panel(page).getByRole('status').filter({ hasText: 'registros' })).toHaveText('4 de 4 registros');
  });

  test('a failed upload lists nothing and can be retried safely', async ({ page, sandbox, errors }) => {
    await open(page);
    const posts = uploads(page);
    await sandbox.fault({ route: 'upload', status: 503, times: 1 });
    await panel(page).locator('input[type=file]').setInputFiles({ name: 'nota.txt', mimeType: 'text/plain', buffer: Buffer.from('nota') });
    const failed = panel(page).getByRole('alert').filter({ hasText: 'Não foi possível anexar nota.txt' });
    await expect(failed).toBeVisible();
    await expect(panel(page).getByRole('status').filter({ hasText: 'registros' })).toHaveText('4 de 4 registros');
    await failed.getByRole('button', { name: 'Tentar novamente' }).click();
    await expect(panel(page)).toContainText('nota.txt foi anexado ao caso.');
    await expect(panel(page).getByRole('status').filter({ hasText: 'registros' })).toHaveText('5 de 5 registros');
    expect(posts).toHaveLength(2);
  });

  test('an upload whose answer was lost may have happened: the retry attaches it once', async ({ page, sandbox, errors }) => {
    await open(page);
    const posts = uploads(page);
    await sandbox.fault({ route: 'upload', drop_after: true, times: 1 });
    await panel(page).locator('input[type=file]').setInputFiles({ name: 'nota.txt', mimeType: 'text/plain', buffer: Buffer.from('nota') });
    const failed = panel(page).getByRole('alert').filter({ hasText: 'Não foi possível confirmar o envio de nota.txt' });
    await expect(failed).toContainText('o arquivo pode ter sido anexado');
    await failed.getByRole('button', { name: 'Tentar novamente' }).click();
    await expect(panel(page)).toContainText('nota.txt foi anexado ao caso.');
    expect(posts).toHaveLength(2);
    expect(posts[1].headers()['idempotency-key']).toBe(posts[0].headers()['idempotency-key']);
    // the server replayed the first upload: one attachment, not two
    await expect(panel(page).getByRole('status').filter({ hasText: 'registros' })).toHaveText('5 de 5 registros');
  });

  test('"Cancelar envio" stops an upload on its way: nothing is attached (#20 item 9; remove the abort and this fails)', async ({ page, sandbox, errors }) => {
    await open(page);
    // the server holds the upload for 3 s before storing it: time to cancel
    await sandbox.fault({ route: 'upload', latency_ms: 3000, times: 1 });
    await panel(page).locator('input[type=file]').setInputFiles({ name: 'rascunho.txt', mimeType: 'text/plain', buffer: Buffer.from('rascunho') });
    await expect(panel(page).getByRole('progressbar', { name: 'Progresso do envio' })).toBeVisible();
    await panel(page).getByRole('button', { name: 'Cancelar envio' }).click();
    await expect(panel(page)).toContainText('Envio de rascunho.txt cancelado: nada foi anexado.');
    await expect(panel(page).getByRole('status').filter({ hasText: 'registros' })).toHaveText('4 de 4 registros');
    // and the server agrees, after the time it would have taken
    await page.waitForTimeout(3500);
    const res = await page.request.get('/v1/cases/1001/attachments', { headers: { Authorization: `Bearer ${TOKEN}` } });
    const names = ((await res.json()).items as { name: string }[]).map((a) => a.name);
    expect(names).not.toContain('rascunho.txt');
    expect(names).toHaveLength(4);
  });

  test('a file dropped on the list is checked and attached like a chosen one (#20 item 9)', async ({ page, sandbox, errors }) => {
    await open(page);
    const zone = panel(page).locator('.cv-dropzone');
    const files = async (name: string, type: string, text: string) =>
      page.evaluateHandle(([n, t, x]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([x], n, { type: t }));
        return dt;
      }, [name, type, text]);
    // dragging over shows the drop target
    await zone.dispatchEvent('dragover', { dataTransfer: await files('solto.txt', 'text/plain', 'solto') });
    await expect(zone).toHaveClass(/cv-dropzone--active/);
    // a type not allowed is refused before sending, as from the file picker
    const posts = uploads(page);
    await zone.dispatchEvent('drop', { dataTransfer: await files('script.exe', 'application/x-msdownload', 'MZ') });
    await expect(panel(page).getByRole('alert')).toContainText('script.exe: o tipo X-MSDOWNLOAD não é permitido');
    expect(posts).toEqual([]);
    await expect(zone).not.toHaveClass(/cv-dropzone--active/);
    await zone.dispatchEvent('drop', { dataTransfer: await files('solto.txt', 'text/plain', 'solto') });
    await expect(panel(page)).toContainText('solto.txt foi anexado ao caso.');
    await expect(panel(page).getByRole('status').filter({ hasText: 'registros' })).toHaveText('5 de 5 registros');
    expect(posts).toHaveLength(1);
  });

  test('several files download as one zip built in the browser', async ({ page, sandbox, errors }) => {
    await open(page);
    await panel(page).getByRole('checkbox', { name: 'Selecionar todos os anexos exibidos' }).check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel(page).getByRole('button', { name: 'Baixar 4 selecionados (.zip)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('anexos-caso-1001.zip');
    const zip = readFileSync(await download.path());
    expect(zip.subarray(0, 4).toString('binary')).toBe('PK\u0003\u0004');
    // the end-of-directory record counts four entries
    expect(zip.readUInt16LE(zip.length - 22 + 10)).toBe(4);
    for (const name of ['extrato-outubro.png', 'protocolo-estorno-2026-558812.pdf']) {
      expect(zip.includes(Buffer.from(name))).toBe(true);
    }
  });
});
