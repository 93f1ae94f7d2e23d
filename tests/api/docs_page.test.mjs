// The /docs page (DOCS_URL) in headless Chromium: it renders exactly the operations of the document at
// OPENAPI_URL, logs no console error and requests nothing from another origin.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { webRequire } from './documents.mjs';

const { DOCS_URL: docsUrl, OPENAPI_URL: openapiUrl } = process.env;
const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const skip = !(docsUrl && openapiUrl) && 'DOCS_URL and OPENAPI_URL are not set (http://HOST:PORT/docs, /openapi.json)';

test('the docs page renders every operation of the document', { skip, timeout: 60_000 }, async () => {
  const document = await (await fetch(openapiUrl)).json();
  const expected = Object.entries(document.paths).flatMap(([path, item]) =>
    methods.filter((method) => item[method]).map((method) => `${method.toUpperCase()} ${path}`));

  const { chromium } = webRequire('playwright-core');
  const userDataDir = mkdtempSync(join(tmpdir(), 'docs-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run'],
  });
  try {
    const origin = new URL(docsUrl).origin;
    const foreign = [];
    const errors = [];
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith('http') && url.origin !== origin) foreign.push(request.url());
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));

    const response = await page.goto(docsUrl);
    assert.equal(response.status(), 200);
    await page.waitForSelector('.opblock', { timeout: 30_000 });
    // Not 'networkidle': a request that never ends (say, to a host this machine cannot reach) would hang the wait
    // instead of failing below. Requests are recorded as they start; a second lets rendering issue them all.
    await page.waitForLoadState('load');
    await page.waitForTimeout(1000);
    const rendered = await page.$$eval('.opblock', (blocks) => blocks.map((block) => {
      const method = block.querySelector('.opblock-summary-method').textContent.trim();
      const path = block.querySelector('.opblock-summary-path').getAttribute('data-path');
      return `${method} ${path}`;
    }));

    assert.deepEqual([...new Set(rendered)].sort(), expected.sort());
    assert.equal(await page.locator('.errors-wrapper').count(), 0, 'Swagger UI reports errors in the document');
    assert.deepEqual(foreign, [], `requests to origins other than ${origin}`);
    assert.deepEqual(errors, [], 'console errors');
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
});
