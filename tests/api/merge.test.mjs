// The merge rule of tests/api/merge.mjs, which the C++ host implements too (libs/service/src/openapi.cpp).
import assert from 'node:assert/strict';
import test from 'node:test';
import { merge } from './merge.mjs';

const host = {
  paths: { '/healthz': { get: {} } },
  components: { schemas: { Error: {} }, headers: { XRequestId: {} } },
};

test('merge: paths and each components section are unions; the rest is the service document', () => {
  const service = { openapi: '3.1.0', info: { title: 's' }, paths: { '/a': {} }, components: { schemas: { A: {} } } };
  assert.deepEqual(merge(service, host), {
    openapi: '3.1.0',
    info: { title: 's' },
    paths: { '/a': {}, '/healthz': { get: {} } },
    components: { schemas: { A: {}, Error: {} }, headers: { XRequestId: {} } },
  });
});

test('merge: a path or a component defined by both is an error', () => {
  assert.throws(() => merge({ paths: { '/healthz': {} } }, host), /path \/healthz/);
  assert.throws(() => merge({ paths: {}, components: { headers: { XRequestId: {} } } }, host), /XRequestId/);
});
