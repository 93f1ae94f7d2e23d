// The README's walk-through ("A walk through the system"), run as written through the front door at
// FRONT_DOOR_URL: only the address, the binary, the token files' folder and the stack's profile are
// swapped for the test's. Its answers must be the ones its comments promise. See tests/web/run.sh.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { FRONT_DOOR_URL: base, USERS_BIN: usersBin, MQ_PROMOTION_ROUTING_KEY: queue } = process.env;
const skip = !(base && usersBin && queue) && 'FRONT_DOOR_URL, USERS_BIN and MQ_PROMOTION_ROUTING_KEY are not set: run tests/web/run.sh walkthrough BUILD_DIR';

// The first sh block after the heading.
function walkthrough() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## A walk through the system'));
  return section.match(/```sh\n([\s\S]*?)```/)[1];
}

// Each swap must find its text, so that a README that drifts from the test fails it.
function forTheTest(script, tokens) {
  const swaps = [
    ['localhost:8080', new URL(base).host],
    ['build/release/services/users/users-service', usersBin],
    ['.run/token-user', `${tokens}/token-user`],
    ['scripts/stack.sh mqctl dev', `scripts/stack.sh mqctl ${process.env.STACK_PROFILE ?? 'test'}`],
  ];
  for (const [from, to] of swaps) {
    assert.ok(script.includes(from), `the walk-through no longer contains ${from}`);
    script = script.replaceAll(from, to);
  }
  assert.doesNotMatch(script, /localhost:\d+/, 'a request that does not go through the front door');
  return script;
}

test('the README\'s walk-through answers what it promises, through the front door', { skip, timeout: 120_000 }, () => {
  const tokens = mkdtempSync(join(tmpdir(), 'walkthrough-'));
  try {
    const run = spawnSync('bash', ['-euo', 'pipefail', '-c', forTheTest(walkthrough(), tokens)],
      { cwd: root, encoding: 'utf8', timeout: 110_000 });
    const output = `${run.stdout}${run.stderr}`;
    assert.equal(run.status, 0, output);
    const expect = (pattern, what) => assert.match(output, pattern, `${what}\n---- output:\n${output}`);
    expect(/administrator 'admin' created/, '1. the administrator');
    expect(/"remaining_vouchers":3\b.* 201$/m, '3. the campaign of 3');
    for (let i = 1; i <= 5; i++) expect(new RegExp(`^register user${i} 201$`, 'm'), `4. user${i} registers`);
    for (let i = 1; i <= 3; i++) expect(new RegExp(`^user${i} 1 \\['active'\\]$`, 'm'), `5. user${i} has a voucher`);
    for (let i = 4; i <= 5; i++) expect(new RegExp(`^user${i} 0 \\[\\]$`, 'm'), `5. user${i} has none`);
    expect(/^\[\('First 3 users', 0\)\]$/m, '6. the campaign is used up');
    expect(/"state":"redeemed".* 200$/m, '7. the first redeem');
    expect(/"voucher already redeemed".* 409$/m, '7. the second redeem');
    expect(new RegExp(`^${queue}\\s+0$`, 'm'), '8. nothing left in the queue');
    expect(new RegExp(`^${queue}\\.dead\\s+0$`, 'm'), '8. nothing dead-lettered');
  } finally {
    rmSync(tokens, { recursive: true, force: true });
  }
});
