// Every response the C++ end-to-end tests recorded (API_RESPONSES_FILE, JSON lines of
// {method, target, status, content_type, body}) is one the served documents describe: a known operation,
// a documented status and content type, and a JSON body valid against that response's schema.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { serviceDocument, services, webRequire } from './documents.mjs';

const Ajv2020 = webRequire('ajv/dist/2020').default;
const addFormats = webRequire('ajv-formats').default;

// OpenAPI's own keywords, in the document and in its schemas: not JSON Schema, but not mistakes either.
const openapiKeywords = ['openapi', 'info', 'servers', 'tags', 'paths', 'webhooks', 'components', 'security',
  'jsonSchemaDialect', 'externalDocs', 'discriminator', 'xml', 'example'];

// Each document is one schema to ajv, so a response's schema is compiled by its JSON pointer and its
// `$ref`s resolve against the whole document.
const documents = services.map((service) => {
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, strictTypes: true });
  addFormats(ajv);
  ajv.addVocabulary(openapiKeywords);
  const doc = serviceDocument(service);
  ajv.addSchema(doc, service);
  return { service, doc, ajv };
});

const escape = (token) => encodeURIComponent(token.replaceAll('~', '~0').replaceAll('/', '~1'));
const isParameter = (segment) => /^\{[^}]+\}$/.test(segment);
const essence = (type) => type.split(';')[0].trim().toLowerCase();
const unescape = (token) => decodeURIComponent(token).replaceAll('~1', '/').replaceAll('~0', '~');
const at = (doc, ref) => ref.slice(2).split('/').reduce((node, token) => node?.[unescape(token)], doc);

// The operation whose path template matches the target's path; the fewest parameters win, as in the router.
function findOperation(method, target) {
  const segments = target.split('?')[0].split('/');
  let best;
  for (const document of documents) {
    for (const [template, item] of Object.entries(document.doc.paths)) {
      const parts = template.split('/');
      const operation = item[method.toLowerCase()];
      if (!operation || parts.length !== segments.length) continue;
      if (!parts.every((part, i) => (isParameter(part) ? segments[i] !== '' : part === segments[i]))) continue;
      const parameters = parts.filter(isParameter).length;
      if (!best || parameters < best.parameters) best = { document, template, operation, parameters };
    }
  }
  return best;
}

// The router's own answer to a path or method no route has (404, 405): the error envelope, not an operation.
function routerAnswer(status, body) {
  if (status !== 404 && status !== 405) return false;
  try {
    const parsed = JSON.parse(body);
    return parsed.status === 'error' && typeof parsed.message === 'string' && Object.keys(parsed).length === 2;
  } catch {
    return false;
  }
}

// The problems of one recorded exchange; none when the documents describe it.
function problems({ method, target, status, content_type: contentType = '', body = '' }) {
  const where = `${method} ${target} ${status}`;
  const found = findOperation(method, target);
  if (!found && routerAnswer(status, body)) return [];
  if (!found) return [`${where}: no documented operation`];
  const { document, template, operation } = found;
  const responses = operation.responses;
  const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => Object.hasOwn(responses, k));
  if (!key) return [`${where}: status not documented for ${method} ${template}`];

  let pointer = `#/paths/${escape(template)}/${method.toLowerCase()}/responses/${key}`;
  let response = responses[key];
  while (response.$ref) {
    pointer = response.$ref;
    response = at(document.doc, pointer);
  }
  const content = response.content ?? {};
  const documented = Object.keys(content);
  if (documented.length === 0) return body === '' ? [] : [`${where}: a body where none is documented`];
  const mediaType = documented.find((type) => {
    const [want, got] = [essence(type), essence(contentType)];
    return want === got || want === '*/*' || (want.endsWith('/*') && got.startsWith(want.slice(0, -1)));
  });
  if (!mediaType) return [`${where}: content type '${contentType}' not documented (${documented.join(', ')})`];
  if (!/^application\/([a-z.+-]*\+)?json$/.test(essence(contentType)) || !content[mediaType].schema) return [];

  let json;
  try {
    json = JSON.parse(body);
  } catch {
    return [`${where}: body is not JSON: ${body.slice(0, 200)}`];
  }
  const validate = document.ajv.getSchema(`${document.service}${pointer}/content/${escape(mediaType)}/schema`);
  if (validate(json)) return [];
  const errors = document.ajv.errorsText(validate.errors);
  return [`${where}: body does not match ${document.service} ${pointer}: ${errors}\n  body: ${body}`];
}

const user = {
  id: '0b6f4a8e-6d1c-4d3e-9a57-3c2f1e0d9b84',
  username: 'alice',
  email: 'Alice@Example.com',
  phone: null,
  full_name: 'Test User',
  birthday: '1990-01-01',
  is_admin: false,
  created_at: '2026-11-28T10:00:00.123456Z',
};
const json = (method, target, status, body) =>
  ({ method, target, status, content_type: 'application/json', body: JSON.stringify(body) });
const metrics = { method: 'GET', target: '/metrics', status: 200, body: '# x\n' };

test('self-check: described exchanges pass', () => {
  assert.deepEqual(problems(json('GET', '/users/me', 200, { status: 'success', user })), []);
  const notFound = { status: 'error', message: 'not found' };
  assert.deepEqual(problems(json('POST', '/vouchers/x/redeem?y=1', 404, notFound)), []);
  assert.deepEqual(problems({ ...metrics, content_type: 'text/plain; version=0.0.4; charset=utf-8' }), []);
  assert.deepEqual(problems(json('GET', '/nowhere', 404, notFound)), [], "the router's answer to an unknown path");
});

test('self-check: mismatches are reported', () => {
  const me = (changes) => json('GET', '/users/me', 200, { status: 'success', user: { ...user, ...changes } });
  const cases = [
    [me({ is_admin: 'no' }), /is_admin must be boolean/],
    [me({ password_hash: 'x' }), /must NOT have additional properties/],
    [me({ created_at: '2026-11-28T10:00:00Z' }), /created_at must match pattern/],
    [json('POST', '/users/login', 401, { status: 'error' }), /must have required property 'message'/],
    [json('POST', '/users/login', 418, { status: 'error', message: 'teapot' }), /status not documented/],
    [json('GET', '/nowhere', 200, { status: 'success' }), /no documented operation/],
    [json('GET', '/nowhere', 404, { status: 'error', message: 'not found', extra: 1 }), /no documented operation/],
    [{ ...metrics, content_type: 'application/json' }, /content type 'application\/json' not documented/],
    [{ ...json('GET', '/readyz', 200, {}), body: '{' }, /body is not JSON/],
  ];
  for (const [line, expected] of cases) {
    const found = problems(line);
    assert.equal(found.length, 1, `${line.method} ${line.target}: ${found.join('\n')}`);
    assert.match(found[0], expected);
  }
});

const file = process.env.API_RESPONSES_FILE;
const skip = !file && 'API_RESPONSES_FILE is not set (JSON lines the C++ end-to-end tests record)';
test('recorded responses match the documents', { skip }, () => {
  const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
  assert.ok(lines.length > 0, `${file} has no responses`);
  const found = lines.flatMap((line, i) => problems(JSON.parse(line)).map((problem) => `line ${i + 1}: ${problem}`));
  const report = `${found.length} of ${lines.length} responses are not as documented:\n${found.join('\n')}`;
  assert.equal(found.length, 0, report);
});
