import { test, expect, dialog, withRequestTimeout } from './fixtures';

// The fault matrix of the reads: every endpoint the modal calls × every fault the sandbox injects.
// Expected in every cell: the affected tab shows a clear localized message (with "Tentar
// novamente" where retrying makes sense) or, for an empty list and a slow answer, its normal
// face; the other tabs keep working; no panic and no console error (the fixture). The write
// paths (unify, upload) are covered in unify.spec.ts and attachments.spec.ts. docs/reliability.md
// records the matrix.

const ENDPOINTS: { route: string; slug: string; tab: string; ok: RegExp }[] = [
  { route: 'case', slug: 'dados', tab: 'Dados do Caso', ok: /João da Silva Conceição/ },
  { route: 'history', slug: 'historico-do-caso', tab: 'Histórico do Caso', ok: /de 12 registros/ },
  { route: 'customer_cases', slug: 'historico-do-cliente', tab: 'Histórico do Cliente', ok: /de 14 registros/ },
  { route: 'calls', slug: 'ligacoes', tab: 'Histórico de Ligações', ok: /de 8 registros/ },
  { route: 'interactions', slug: 'interacoes', tab: 'Interações', ok: /Conversa por/ },
  { route: 'sla', slug: 'sla', tab: 'SLA', ok: /Primeira resposta/ },
  { route: 'attachments', slug: 'anexos', tab: 'Anexos', ok: /de 4 registros/ },
  { route: 'surveys', slug: 'pesquisa-de-satisfacao', tab: 'Pesquisa de Satisfação', ok: /Promotor/ },
];

type Expect = { message: RegExp; retry: boolean } | 'normal';
// `timeoutMs`: the request timeout the page is configured with (index.html's standalone config),
// so that a timeout cell takes seconds, not three attempts of the default 15 s.
const FAULTS: { name: string; fault: Record<string, unknown>; expect: Expect; timeoutMs?: number }[] = [
  { name: '401 twice', fault: { status: 401 }, expect: { message: /Sessão expirada/, retry: true } },
  { name: '403', fault: { status: 403 }, expect: { message: /não tem permissão/, retry: false } },
  { name: '404', fault: { status: 404 }, expect: { message: /Não encontrado/, retry: false } },
  { name: '409', fault: { status: 409 }, expect: { message: /Os dados mudaram no servidor/, retry: true } },
  { name: '429 with Retry-After', fault: { status: 429, retry_after: 1 }, expect: { message: /Muitas requisições\. Tente novamente em 1 s\./, retry: true } },
  { name: '500', fault: { status: 500 }, expect: { message: /O servidor encontrou um erro/, retry: true } },
  { name: '503', fault: { status: 503 }, expect: { message: /indisponível/, retry: true } },
  { name: 'dropped connection', fault: { drop: true }, expect: { message: /Sem conexão com o servidor/, retry: true } },
  { name: 'malformed JSON', fault: { body: 'malformed' }, expect: { message: /formato inesperado/, retry: true } },
  { name: 'body of the wrong shape', fault: { body: 'wrong_shape' }, expect: { message: /formato inesperado/, retry: true } },
  { name: 'empty lists', fault: { body: 'empty' }, expect: 'normal' },
  { name: '5 s latency', fault: { latency_ms: 5000 }, expect: 'normal' },
  { name: 'timeout', fault: { latency_ms: 60_000 }, timeoutMs: 1000, expect: { message: /demorou demais para responder/, retry: true } },
];

// A tab that is fine whichever endpoint fails: its neighbour in the list.
const other = (i: number) => ENDPOINTS[(i + 1) % ENDPOINTS.length];

for (const [i, e] of ENDPOINTS.entries()) {
  for (const f of FAULTS) {
    test(`${e.route} × ${f.name}`, async ({ page, sandbox, errors }) => {
      const logins: string[] = [];
      page.on('request', (r) => { if (new URL(r.url()).pathname === '/v1/auth/login') logins.push(r.method()); });
      await sandbox.fault({ route: e.route, ...f.fault });
      if (f.timeoutMs) await withRequestTimeout(page, f.timeoutMs);
      await page.goto(`/casos/1001/${e.slug}`);
      const d = dialog(page);
      const panel = d.getByRole('tabpanel');
      if (f.expect === 'normal') {
        if (e.route === 'surveys' && f.name === 'empty lists') {
          await expect(panel).toContainText('Nenhuma pesquisa foi respondida neste caso.', { timeout: 15_000 });
        } else if (f.name === 'empty lists' && e.route !== 'case' && e.route !== 'sla' && e.route !== 'interactions') {
          await expect(panel).toContainText('Ainda não há registros neste caso.', { timeout: 15_000 });
        } else if (f.name === 'empty lists' && e.route === 'sla') {
          await expect(panel).toContainText('Nenhuma meta de SLA se aplica a este caso.');
        } else if (f.name === 'empty lists' && e.route === 'interactions') {
          await expect(panel).toContainText('Nenhuma interação registrada neste caso.');
        } else if (f.name === 'empty lists' && e.route === 'case') {
          // the case's one list is its custom fields: their section goes (the demo case has two)
          await expect(panel).toContainText(e.ok, { timeout: 15_000 });
          await expect(panel).not.toContainText('Campos personalizados');
        } else {
          await expect(panel).toContainText(e.ok, { timeout: 15_000 });
        }
        await expect(panel.getByRole('alert')).toHaveCount(0);
      } else {
        const alert = panel.getByRole('alert');
        await expect(alert).toContainText(`Não foi possível carregar ${e.tab}.`, { timeout: 15_000 });
        await expect(alert).toContainText(f.expect.message);
        await expect(alert.getByRole('button', { name: 'Tentar novamente' })).toHaveCount(f.expect.retry ? 1 : 0);
        await expect(d.getByRole('tab', { name: new RegExp(`^${e.tab}`) })).toHaveClass(/cv-tab--failed/);
        // the page's one login, then exactly one more for the fresh token the 401 asked for
        // (remove the refresh, or refresh without end, and this fails)
        if (f.name === '401 twice') expect(logins).toHaveLength(2);
      }
      // the other tabs keep working
      const o = other(i);
      await d.getByRole('tab', { name: new RegExp(`^${o.tab}`) }).click();
      await expect(d.getByRole('tabpanel')).toContainText(o.ok);
      if (f.expect !== 'normal' && f.expect.retry) {
        // the fault is gone: "Tentar novamente" brings the tab back
        await sandbox.clearFaults();
        await d.getByRole('tab', { name: new RegExp(`^${e.tab}`) }).click();
        await d.getByRole('tabpanel').getByRole('button', { name: 'Tentar novamente' }).click();
        await expect(d.getByRole('tabpanel')).toContainText(e.ok);
      }
    });
  }
}
