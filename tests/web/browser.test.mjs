// The web app in headless Chromium through the front door at FRONT_DOOR_URL, against the real services:
// an administrator creates a campaign of 3; five people sign up and log in; three see a voucher, two see
// none; one redeems, and a second redeem says it is already used; a locked account, the login throttle,
// an ended session, log out and a service that is down, each shown in words; the token never leaves
// sessionStorage; the CSP holds (no violation, no console error). Saves a screenshot of each page in
// SCREENSHOT_DIR and prints the page's sizes and its time to first render. See tests/web/run.sh.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

const env = process.env;
const base = env.FRONT_DOOR_URL;
const skip = !(base && env.ADMIN_USERNAME && env.CONSUMER_METRICS_URL && env.SCREENSHOT_DIR)
  && 'FRONT_DOOR_URL, ADMIN_USERNAME, CONSUMER_METRICS_URL and SCREENSHOT_DIR are not set: run tests/web/run.sh browser BUILD_DIR';
const { chromium } = createRequire(new URL('../../web/package.json', import.meta.url))('playwright-core');

let context;
let userDataDir;
const consoleErrors = [];
const cspViolations = [];
const people = [1, 2, 3, 4, 5].map((i) => ({
  username: `user${i}`,
  // log in with each kind of identifier: username, email, phone
  identifier: i === 2 ? 'user2@example.com' : i === 3 ? '0912345673' : i === 4 ? 'USER4' : `user${i}`,
  email: i === 2 ? 'user2@example.com' : '',
  phone: i === 3 ? '0912345673' : '',
  password: `password of user${i}`,
  page: null,
}));

const shot = (page, name) => page.screenshot({ path: join(env.SCREENSHOT_DIR, `${name}.png`), fullPage: true });
const message = (page) => page.locator('main .message').first();

// Chromium logs every API answer of 400 and above as a failed resource: those are the answers this test
// provokes. Any other console error (a file that failed, a script error, a CSP report) counts.
const apiAnswer = (entry) => /^Failed to load resource: the server responded with a status of \d+/.test(entry.text()) &&
  /^\/(users\/|campaigns|vouchers)/.test(new URL(entry.location().url, base).pathname);

// A new tab (its own sessionStorage, so its own session) watched for console errors.
async function newTab() {
  const page = await context.newPage();
  page.on('console', (entry) => entry.type() === 'error' && !apiAnswer(entry) &&
    consoleErrors.push(`${page.url()}: ${entry.text()} (${entry.location().url})`));
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

// The consumer's outcome counts (granted, no_voucher, ...) from its /metrics.
async function consumed() {
  const text = await (await fetch(env.CONSUMER_METRICS_URL)).text();
  return Object.fromEntries([...text.matchAll(/^consumer_deliveries_total\{outcome="(\w+)"\} (\d+)/gm)]
    .map(([, outcome, count]) => [outcome, Number(count)]));
}

async function until(condition, what, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function logIn(page, identifier, password) {
  if (!page.url().endsWith('#/login')) await page.goto(`${base}/#/login`);
  await page.getByLabel('Username, email or phone').fill(identifier);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

// A datetime-local input's value for now + offset hours, in the browser's (this machine's) zone.
function localInput(offsetHours) {
  const date = new Date(Date.now() + offsetHours * 3_600_000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

// Bytes of a file through the front door, as sent (gzip when asked for) and as it is.
function transferred(path, gzip) {
  return new Promise((resolve, reject) => {
    httpRequest(new URL(path, base), { headers: gzip ? { 'Accept-Encoding': 'gzip' } : {} }, (response) => {
      let bytes = 0;
      response.on('data', (chunk) => { bytes += chunk.length; });
      response.on('end', () => resolve({ bytes, encoding: response.headers['content-encoding'] ?? 'identity' }));
    }).on('error', reject).end();
  });
}

before(async () => {
  if (skip) return;
  mkdirSync(env.SCREENSHOT_DIR, { recursive: true });
  userDataDir = mkdtempSync(join(tmpdir(), 'web-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run'],
    viewport: { width: 960, height: 720 },
  });
  // Every CSP violation of every page, reported before the page's own scripts run.
  await context.exposeBinding('reportCspViolation', (_source, text) => cspViolations.push(text));
  await context.addInitScript(() => document.addEventListener('securitypolicyviolation',
    (event) => window.reportCspViolation(`${event.violatedDirective} ${event.blockedURI}`)));
});

after(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

test('sizes and time to first render of the log-in page', { skip }, async () => {
  const html = await (await fetch(base)).text();
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]);
  const rows = [];
  for (const file of ['/', ...files]) {
    const raw = await transferred(file, false);
    const gzip = await transferred(file, true);
    assert.equal(gzip.encoding, 'gzip', `${file} is not compressed`);
    rows.push({ file: file === '/' ? 'index.html' : file.split('/').pop(), raw: raw.bytes, gzip: gzip.bytes });
  }
  const total = rows.reduce((sum, row) => sum + row.gzip, 0);
  console.log('page sizes (bytes through the front door):');
  for (const row of rows) console.log(`  ${row.file.padEnd(28)} raw ${String(row.raw).padStart(6)}  gzip ${String(row.gzip).padStart(6)}`);
  console.log(`  ${'total'.padEnd(28)} raw ${String(rows.reduce((sum, row) => sum + row.raw, 0)).padStart(6)}  gzip ${String(total).padStart(6)}`);
  assert.ok(total < 25_000, `the page weighs ${total} bytes gzipped, over its 25 kB budget`);

  const page = await newTab();
  // When the app's first page is on screen: its <h1> in <main>, at the next frame.
  await page.addInitScript(() => new MutationObserver((_changes, observer) => {
    if (!document.querySelector('main h1')) return;
    observer.disconnect();
    requestAnimationFrame(() => performance.mark('app-rendered'));
  }).observe(document, { childList: true, subtree: true }));
  await page.goto(base);
  await page.getByRole('heading', { name: 'Log in' }).waitFor();
  await page.waitForFunction(() => performance.getEntriesByName('app-rendered').length > 0);
  const timing = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      firstContentfulPaint: paint?.startTime,
      appRendered: performance.getEntriesByName('app-rendered')[0].startTime,
      domContentLoaded: navigation.domContentLoadedEventEnd,
      load: navigation.loadEventEnd,
    };
  });
  console.log(`time to first render (ms, from navigation start): first contentful paint ${timing.firstContentfulPaint?.toFixed(1)}, ` +
    `app's first page ${timing.appRendered.toFixed(1)}, DOMContentLoaded ${timing.domContentLoaded.toFixed(1)}, load ${timing.load.toFixed(1)}`);
  assert.ok(timing.appRendered < 3_000, `first render took ${timing.appRendered} ms`);
  await shot(page, 'login');
  await page.close();
});

let admin;
test('an administrator logs in and creates a campaign of 3, with dates', { skip }, async () => {
  admin = await newTab();
  await logIn(admin, env.ADMIN_USERNAME, env.ADMIN_PASSWORD);
  await admin.getByRole('heading', { name: 'Campaigns' }).waitFor();
  // The administrator's own first login must find no campaign: wait until the consumer has seen it.
  await until(async () => ((await consumed()).no_voucher ?? 0) >= 1, "the administrator's first login");
  await admin.getByLabel('Name').fill('First 3 users');
  await admin.getByLabel('Description').fill('30% off for our first three customers');
  await admin.getByLabel('Discount (%)').fill('30');
  await admin.getByLabel('Number of vouchers').fill('3');
  await admin.getByLabel('Days a voucher stays valid').fill('30');
  await admin.getByLabel('Start').fill(localInput(-1));
  await admin.getByLabel('End').fill(localInput(24 * 60));
  await admin.getByRole('button', { name: 'Create campaign' }).click();
  await admin.getByText('Campaign First 3 users created.').waitFor();
  await admin.getByText('0 of 3 vouchers granted').waitFor();
});

test('sign-up shows the API\'s field errors next to their fields', { skip }, async () => {
  const page = await newTab();
  await page.goto(`${base}/#/signup`);
  await page.getByLabel('Username').fill('u');
  await page.getByLabel('Email').fill('not an email');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.locator('#field-username-error').getByText('Username must be 3-32 characters.').waitFor();
  assert.match(await page.locator('#field-email-error').textContent(), /^Email must be a valid email address\.$/);
  assert.match(await page.locator('#field-password-error').textContent(), /^Password must be 12-128 characters\.$/);
  assert.match(await page.locator('#field-full_name-error').textContent(), /^Full name /);
  assert.equal(await page.getByLabel('Password').getAttribute('aria-invalid'), 'true');
  assert.match(await page.getByLabel('Password').getAttribute('aria-describedby'), /field-password-error/);
  assert.match(await message(page).textContent(), /see the messages next to the fields/);
  await shot(page, 'signup-errors');
  await page.close();
});

test('five people sign up and log in with any identifier: three see a voucher', { skip, timeout: 90_000 }, async () => {
  for (const [index, person] of people.entries()) {
    const page = person.page = await newTab();
    await page.goto(`${base}/#/signup`);
    await page.getByLabel('Username').fill(person.username);
    if (person.email) await page.getByLabel('Email').fill(person.email);
    if (person.phone) await page.getByLabel('Phone').fill(person.phone);
    await page.getByLabel('Password').fill(person.password);
    await page.getByLabel('Full name').fill(`User ${index + 1}`);
    await page.getByLabel('Birthday').fill(`1990-01-0${index + 1}`);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Your account is ready.').waitFor();
    await logIn(page, person.identifier, person.password);
    await page.getByRole('heading', { name: 'My vouchers' }).waitFor();
    // The grant is asynchronous: the page looks again until the voucher is there.
    if (index < 3) await page.locator('.voucher').getByText('30% off').waitFor({ timeout: 20_000 });
  }
  for (const person of people.slice(0, 3)) {
    const card = person.page.locator('.voucher');
    assert.equal(await card.count(), 1);
    assert.match(await card.textContent(), /30% off.*Code [0-9A-Z]+.*valid 29 more days.*Ready to use/);
  }
  await shot(people[0].page, 'vouchers');
  await people[0].page.setViewportSize({ width: 390, height: 844 });
  await shot(people[0].page, 'vouchers-phone');
  await people[0].page.setViewportSize({ width: 960, height: 720 });
});

test('the last two see none, and the campaign\'s bar is full', { skip }, async () => {
  await until(async () => { const counts = await consumed(); return counts.granted === 3 && counts.no_voucher === 3; },
    'the six first logins to be consumed');
  for (const person of people.slice(3)) {
    await person.page.getByRole('button', { name: 'Refresh' }).click();
    await person.page.getByText('You have no vouchers.').waitFor();
    assert.equal(await person.page.locator('.voucher').count(), 0);
  }
  await admin.getByText('3 of 3 vouchers granted').waitFor();
  assert.equal(await admin.locator('progress').first().getAttribute('value'), '3');
  await admin.getByText('All vouchers granted').waitFor();
  await shot(admin, 'admin');
});

test('one redeems after confirming; a second redeem says it is already used', { skip }, async () => {
  const [first] = people;
  const stale = await newTab();
  await logIn(stale, first.identifier, first.password);
  await stale.locator('.voucher').getByRole('button', { name: /^Redeem voucher / }).waitFor();

  await first.page.locator('.voucher').getByRole('button', { name: /^Redeem voucher / }).click();
  const dialog = first.page.getByRole('dialog');
  assert.match(await dialog.textContent(), /Redeem your 30% voucher [0-9A-Z]+ now\?/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await first.page.locator('.voucher .badge').textContent(), 'Ready to use', 'cancel redeems nothing');
  await first.page.locator('.voucher').getByRole('button', { name: /^Redeem voucher / }).click();
  await first.page.getByRole('dialog').getByRole('button', { name: 'Redeem' }).click();
  await first.page.getByText(/^Voucher [0-9A-Z]+ redeemed: 30% off\.$/).waitFor();
  await first.page.locator('.voucher .badge').getByText('Used').waitFor();
  assert.match(await first.page.locator('.voucher').textContent(), /redeemed on/);
  await shot(first.page, 'redeemed');

  // The other tab still shows the voucher as ready: its redeem meets the 409.
  await stale.locator('.voucher').getByRole('button', { name: /^Redeem voucher / }).click();
  await stale.getByRole('dialog').getByRole('button', { name: 'Redeem' }).click();
  await stale.getByText('This voucher was already used. A voucher can be redeemed only once.').waitFor();
  await stale.locator('.voucher .badge').getByText('Used').waitFor();
  await stale.close();
});

test('an administrator pauses and resumes a campaign', { skip }, async () => {
  await admin.getByRole('button', { name: 'Pause First 3 users' }).click();
  await admin.getByText('First 3 users paused.').waitFor();
  await admin.locator('.campaign .badge').getByText('Paused').waitFor();
  await admin.getByRole('button', { name: 'Resume First 3 users' }).click();
  await admin.getByText('First 3 users resumed.').waitFor();
  await admin.locator('.campaign .badge').getByText('All vouchers granted').waitFor();
});

test('the pages are usable from the keyboard alone', { skip }, async () => {
  const page = await newTab();
  await page.goto(`${base}/#/login`);
  await page.keyboard.press('Tab');
  const focused = [];
  for (let i = 0; i < 6; i++) {
    focused.push(await page.evaluate(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.textContent));
    await page.keyboard.press('Tab');
  }
  for (const stop of ['Log in', 'Sign up', 'identifier', 'password']) assert.ok(focused.includes(stop), `${stop} not reached: ${focused}`);
  await page.getByLabel('Username, email or phone').focus();
  await page.keyboard.type(people[3].username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(people[3].password);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'My vouchers' }).waitFor();
  await page.close();
});

let stranger;
test('a locked account is told what a wrong password is told, with the lock explained', { skip }, async () => {
  stranger = await newTab();
  await stranger.goto(`${base}/#/signup`);
  await stranger.getByLabel('Username').fill('locked1');
  await stranger.getByLabel('Password').fill('the right password');
  await stranger.getByLabel('Full name').fill('Locked Out');
  await stranger.getByLabel('Birthday').fill('1980-05-05');
  await stranger.getByRole('button', { name: 'Create account' }).click();
  await stranger.getByText('Your account is ready.').waitFor();
  const wrong = /^That identifier and password do not match\. After 5 failed attempts in a row the account is locked for a while/;
  for (let i = 0; i < 5; i++) {
    await logIn(stranger, 'locked1', `wrong password ${i}`);
    await until(async () => wrong.test(await message(stranger).textContent()), `failure ${i + 1}`);
    await message(stranger).evaluate((element) => { element.textContent = ''; });
  }
  await logIn(stranger, 'locked1', 'the right password');
  await until(async () => wrong.test(await message(stranger).textContent()), 'the locked answer');
  assert.ok(stranger.url().endsWith('#/login'));
  assert.equal(await stranger.evaluate(() => sessionStorage.length), 0, 'a locked account got a session');
  await shot(stranger, 'locked');
});

test('too many attempts: 429 and its Retry-After in words', { skip }, async () => {
  const throttled = /^Too many attempts from your network\. Please try again in \d+ (second|minute)s?\.$/;
  for (let i = 0; i < 25 && !throttled.test(await message(stranger).textContent()); i++) {
    await message(stranger).evaluate((element) => { element.textContent = ''; });
    await logIn(stranger, 'nobody', 'wrong password');
    await until(async () => (await message(stranger).textContent()) !== '', `attempt ${i + 1}`);
  }
  assert.match(await message(stranger).textContent(), throttled);
  await shot(stranger, 'throttled');
  await stranger.close();
});

test('a session the API refuses, or that expires, goes back to log in', { skip }, async () => {
  const refused = people[1].page;
  await refused.evaluate(() => {
    const session = JSON.parse(sessionStorage.getItem('bank.session'));
    sessionStorage.setItem('bank.session', JSON.stringify({ ...session, token: 'e30.e30.not-a-signature' }));
  });
  await refused.reload();
  await refused.getByText('Your session has ended. Please log in again.').waitFor();
  assert.ok(refused.url().endsWith('#/login'));
  assert.equal(await refused.evaluate(() => sessionStorage.getItem('bank.session')), null);

  const expiring = people[4].page;
  await expiring.evaluate(() => {
    const session = JSON.parse(sessionStorage.getItem('bank.session'));
    sessionStorage.setItem('bank.session', JSON.stringify({ ...session, expiresAt: Date.now() + 1500 }));
  });
  await expiring.reload();
  await expiring.getByRole('heading', { name: 'My vouchers' }).waitFor();
  await expiring.getByText('Your session has ended. Please log in again.').waitFor({ timeout: 5_000 });
  assert.ok(expiring.url().endsWith('#/login'));
});

test('log out ends the token at the API, and drops it', { skip }, async () => {
  const page = people[2].page;
  const { token } = await page.evaluate(() => JSON.parse(sessionStorage.getItem('bank.session')));
  const logout = page.waitForResponse((response) => response.url().endsWith('/users/logout'));
  await page.getByRole('button', { name: 'Log out' }).click();
  assert.equal((await logout).request().headers().authorization, `Bearer ${token}`);
  await page.getByText('You are logged out.').waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.getItem('bank.session')), null);
  const me = await fetch(`${base}/users/me`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(me.status, 401, 'the token still works after log out');
  await page.goto(`${base}/#/vouchers`);
  await page.getByRole('heading', { name: 'Log in' }).waitFor();
});

test('the token is never in localStorage or a cookie', { skip }, async () => {
  for (const page of context.pages().filter((tab) => tab.url().startsWith(base))) {
    assert.equal(await page.evaluate(() => localStorage.length), 0, page.url());
    assert.equal(await page.evaluate(() => document.cookie), '', page.url());
  }
  assert.deepEqual(await context.cookies(), []);
});

test('a service that is down is explained in words', { skip: skip || (!env.PROMOTION_PID && 'PROMOTION_PID is not set') }, async () => {
  process.kill(Number(env.PROMOTION_PID), 'SIGTERM');
  await until(async () => (await fetch(`${base}/vouchers`)).status === 503, 'the promotion service to stop');
  const page = people[3].page;
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.getByText('The bank is busy or briefly unavailable. Please try again in 5 seconds.').waitFor();
  await shot(page, 'unavailable');
});

test('the CSP holds: nothing was blocked, nothing logged an error, and inline script does not run', { skip }, async () => {
  assert.deepEqual(cspViolations, [], 'CSP violations');
  assert.deepEqual(consoleErrors, [], 'console errors');
  const page = await newTab();
  await page.goto(base);
  await page.getByRole('heading', { name: 'Log in' }).waitFor();
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.body.append(script);
  });
  await until(() => cspViolations.length > 0, 'the violation report', 5_000);
  assert.equal(await page.evaluate(() => window.inlineRan), undefined, 'an inline script ran');
  assert.match(cspViolations.join('\n'), /^script-src(-elem)? inline$/m);
});
