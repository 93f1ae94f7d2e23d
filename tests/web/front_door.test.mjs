// The front door (nginx, deploy/nginx/) at FRONT_DOOR_URL, in front of the real services: the API by path,
// the web app's files, the security headers on every answer, the body limit, the request id, the client
// address the login throttle sees (LOGIN_BURST=3), and a service that is down. See tests/web/run.sh.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import test from 'node:test';

const { FRONT_DOOR_URL: base, FRONT_DOOR_LOG: accessLog, USERS_LOG: usersLog, PROMOTION_PID: promotionPid } = process.env;
const skip = !base && 'FRONT_DOOR_URL is not set: run tests/web/run.sh front-door BUILD_DIR';

// One request from a chosen local address (127.0.0.x: a client of its own); the body as text.
function send(method, path, { body, headers = {}, from = '127.0.0.1' } = {}) {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const request = httpRequest(url, { method, headers, localAddress: from }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers,
        text: Buffer.concat(chunks).toString() }));
    });
    request.on('error', reject);
    request.end(body);
  });
}
// The first line of a log file that matches, waiting for it up to 5 s.
async function logLine(file, pattern) {
  for (let i = 0; i < 50; i++) {
    const line = readFileSync(file, 'utf8').split('\n').find((text) => pattern.test(text));
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`no line of ${file} matches ${pattern}`);
}
const json = (value) => ({ body: JSON.stringify(value), headers: { 'Content-Type': 'application/json' } });

function assertSecurityHeaders(answer, what) {
  const csp = answer.headers['content-security-policy'] ?? '';
  for (const directive of ["default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'"]) {
    assert.ok(csp.split(';').map((part) => part.trim()).includes(directive), `${what}: CSP without ${directive}: ${csp}`);
  }
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, `${what}: CSP allows inline or eval`);
  assert.equal(answer.headers['x-content-type-options'], 'nosniff', what);
  assert.equal(answer.headers['referrer-policy'], 'no-referrer', what);
  assert.match(answer.headers['x-request-id'] ?? '', /^[A-Za-z0-9._-]{1,64}$/, `${what}: X-Request-Id`);
}

test('the API is proxied by path, to the service that owns it', { skip }, async () => {
  // users: a login without fields is the users service's validation error
  const login = await send('POST', '/users/login', json({}));
  assert.equal(login.status, 400);
  assert.deepEqual(JSON.parse(login.text).errors.map((error) => error.field), ['identifier', 'password']);
  assert.equal((await send('GET', '/users/me')).status, 401);
  // promotion: its routes want a token
  for (const path of ['/campaigns', '/campaigns/00000000-0000-4000-8000-000000000000', '/vouchers']) {
    const answer = await send('GET', path);
    assert.equal(answer.status, 401, path);
    assert.deepEqual(JSON.parse(answer.text), { status: 'error', message: 'unauthorized' }, path);
  }
  // /.well-known/ goes to users (a JSON answer of the service, whatever it publishes there)
  const wellKnown = await send('GET', '/.well-known/jwks.json');
  assert.match(wellKnown.headers['content-type'], /^application\/json/);
  assert.match(readFileSync(accessLog, 'utf8'), /"GET \/\.well-known\/jwks\.json HTTP\/1\.1" \d+ \d+ [\d.]+ upstream=127\.0\.0\.1:\d+/);
});

test('the services\' internal routes are not exposed, nor paths that only look like the API\'s', { skip }, async () => {
  for (const path of ['/healthz', '/readyz', '/metrics', '/openapi.json', '/docs', '/campaignsx', '/vouchersx']) {
    const answer = await send('GET', path);
    assert.equal(answer.status, 404, path);
    assert.doesNotMatch(answer.text, /"status"/, `${path} reached a service`);
  }
});

test('the web app is served with a strict CSP and every answer has the security headers', { skip }, async () => {
  const index = await send('GET', '/');
  assert.equal(index.status, 200);
  assert.match(index.headers['content-type'], /^text\/html/);
  assert.equal(index.headers['cache-control'], 'no-cache');
  assert.doesNotMatch(index.text, /<script>|<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=/, 'inline script or style in index.html');
  const assets = [...index.text.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
  assert.ok(assets.some((asset) => asset.endsWith('.js')) && assets.some((asset) => asset.endsWith('.css')), 'assets');
  assertSecurityHeaders(index, '/');
  for (const asset of assets) {
    const answer = await send('GET', asset);
    assert.equal(answer.status, 200, asset);
    assert.match(answer.headers['cache-control'], /max-age=31536000/, asset);
    assertSecurityHeaders(answer, asset);
  }
  assertSecurityHeaders(await send('GET', '/vouchers'), 'an API answer');
  assertSecurityHeaders(await send('GET', '/nothing-here'), 'a 404 of the front door');
});

test('bodies over 16 KiB are refused by the front door with the API\'s 413; 16 KiB passes', { skip }, async () => {
  const headers = { 'Content-Type': 'application/json' };
  const over = await send('POST', '/users/register', { body: 'x'.repeat(16_385), headers: { ...headers, 'X-Request-Id': 'too-large' } });
  assert.equal(over.status, 413);
  assert.deepEqual(JSON.parse(over.text), { status: 'error', message: 'request body too large' });
  assertSecurityHeaders(over, '413');
  // nginx logs a refused body once it has read the rest of it; the line must name no upstream.
  const line = await logLine(accessLog, /request_id=too-large$/m);
  assert.match(line, /" 413 \d+ [\d.]+ upstream=- /, 'forwarded to a service');
  const limit = await send('POST', '/users/register', { body: 'x'.repeat(16_384), headers });
  assert.equal(limit.status, 400);
  assert.deepEqual(JSON.parse(limit.text), { status: 'error', message: 'malformed JSON' });
});

test('one request id: the caller\'s when well formed, else the front door\'s, in the answer and both logs', { skip }, async () => {
  const given = await send('POST', '/users/login', { ...json({}), headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'web-test.1' } });
  assert.equal(given.headers['x-request-id'], 'web-test.1');
  const made = await send('POST', '/users/login', { ...json({}), headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'no spaces!' } });
  const id = made.headers['x-request-id'];
  assert.match(id, /^[0-9a-f]{32}$/);
  for (const rid of ['web-test.1', id]) {
    assert.match(readFileSync(usersLog, 'utf8'), new RegExp(`request_id=${rid} `), `users log: ${rid}`);
    assert.match(readFileSync(accessLog, 'utf8'), new RegExp(`request_id=${rid}$`, 'm'), `front door log: ${rid}`);
  }
  assert.equal(given.headers['x-request-id'], 'web-test.1', 'answered once');
});

test('the login throttle sees the client the front door sees, not what the client wrote', { skip }, async () => {
  const attempt = (from, forwardedFor) => send('POST', '/users/login', {
    body: JSON.stringify({ identifier: 'nobody', password: 'wrong password' }),
    headers: { 'Content-Type': 'application/json', ...(forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}) },
    from,
  });
  // LOGIN_BURST=3 per client: the 4th login of 127.0.0.1 is throttled, whatever address it writes (127.0.0.1 is
  // also the front door's, a trusted proxy: what it wrote would be believed if the front door passed it on).
  for (let i = 0; i < 3; i++) assert.equal((await attempt('127.0.0.1', `198.51.100.${i}`)).status, 401, `attempt ${i + 1}`);
  const throttled = await attempt('127.0.0.1', '198.51.100.99');
  assert.equal(throttled.status, 429);
  assert.match(throttled.headers['retry-after'], /^\d+$/);
  // Another client (127.0.0.2) has its own bucket: the services do not see every client as the front door.
  assert.equal((await attempt('127.0.0.2')).status, 401);
});

test('a service that is down answers 503 with Retry-After in the API\'s envelope', { skip: skip || (!promotionPid && 'PROMOTION_PID is not set') }, async () => {
  process.kill(Number(promotionPid), 'SIGTERM');
  let answer;
  for (let i = 0; i < 100; i++) {
    answer = await send('GET', '/vouchers');
    if (answer.status !== 401) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.equal(answer.status, 503);
  assert.equal(answer.headers['retry-after'], '5');
  assert.deepEqual(JSON.parse(answer.text), { status: 'error', message: 'service unavailable, retry later' });
  assertSecurityHeaders(answer, '503');
});
