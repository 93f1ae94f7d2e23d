// The OpenAPI documents under test, and the packages of web/ (tests/api has no node_modules of its own).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { merge, readJson } from './merge.mjs';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const webRequire = createRequire(`${root}web/package.json`);
export const services = ['users', 'promotion'];

// What a service serves at /openapi.json: the file that USERS_OPENAPI / PROMOTION_OPENAPI names (saved from
// the running binary), else the merge of the checked-in documents.
export function serviceDocument(service) {
  const served = process.env[`${service.toUpperCase()}_OPENAPI`];
  if (served) return readJson(served);
  return merge(readJson(`${root}services/${service}/openapi.json`), readJson(`${root}libs/service/openapi/host.json`));
}
