// The merge the service host does at start: the service's document, with the host's paths and components
// added. A path or a component defined by both is an error. Everything else comes from the service document.
// CLI: node tests/api/merge.mjs SERVICE_OPENAPI HOST_OPENAPI > merged.json
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

function union(what, service = {}, host = {}) {
  const clash = Object.keys(host).find((key) => Object.hasOwn(service, key));
  if (clash !== undefined) throw new Error(`${what} ${clash} is defined by both the service and the host`);
  return { ...service, ...host };
}

export function merge(serviceDoc, hostDoc) {
  const components = { ...serviceDoc.components };
  for (const [section, entries] of Object.entries(hostDoc.components ?? {})) {
    components[section] = union(`components.${section}:`, components[section], entries);
  }
  return { ...serviceDoc, paths: union('path', serviceDoc.paths, hostDoc.paths), components };
}

export function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [service, host] = process.argv.slice(2);
  if (!service || !host) {
    console.error('usage: node tests/api/merge.mjs SERVICE_OPENAPI HOST_OPENAPI > merged.json');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(merge(readJson(service), readJson(host)), null, 2)}\n`);
}
