import { defineConfig } from '@playwright/test';
import { resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

// The sandbox serves the release build (dist/) and the API on one origin, with fault injection
// enabled and a 1 s event-stream heartbeat (a silent stream is lost after ~3 s, not 45 s); each
// test resets its data (see fixtures.ts). Chromium is Debian's, never downloaded.
const addr = process.env.E2E_ADDR ?? '127.0.0.1:8090';
// where cargo put the sandbox: CARGO_TARGET_DIR (relative to the repository) when it is set
const target = resolve('../..', process.env.CARGO_TARGET_DIR ?? 'target');
// the test controls' admin token: made here, given to the sandbox, read by the fixtures (the
// workers inherit this process's environment)
process.env.SANDBOX_ADMIN_TOKEN ||= randomBytes(16).toString('hex');

export default defineConfig({
  testDir: './tests',
  workers: 1,
  retries: 0,
  // a stray test.only must not turn the suite into one test
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: './test-results',
  use: {
    baseURL: `http://${addr}`,
    locale: 'pt-BR',
    timezoneId: 'America/Sao_Paulo',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
             '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `'${target}/debug/sandbox' --addr ${addr} --db '${target}/e2e/sandbox.db' --reset --faults --heartbeat-ms 1000 --dist ../../dist`,
    url: `http://${addr}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { SANDBOX_ADMIN_TOKEN: process.env.SANDBOX_ADMIN_TOKEN },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
