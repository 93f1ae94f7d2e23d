// `redocly lint` (web/redocly.yaml: the recommended rules) of each service's document as it is served:
// the file USERS_OPENAPI / PROMOTION_OPENAPI names, else the merge of the checked-in documents.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { root, serviceDocument, services } from './documents.mjs';

for (const service of services) {
  test(`redocly lint: ${service}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
    try {
      const file = join(dir, `${service}.json`);
      writeFileSync(file, JSON.stringify(serviceDocument(service), null, 2));
      const redocly = `${root}web/node_modules/.bin/redocly`;
      const lint = spawnSync(redocly, ['lint', '--config', `${root}web/redocly.yaml`, file], {
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true', NO_COLOR: '1' },
      });
      const output = `${lint.stdout}${lint.stderr}`;
      assert.equal(lint.status, 0, output);
      assert.doesNotMatch(output, /You have \d+ warnings?/, output);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
