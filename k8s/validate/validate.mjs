// Validates rendered Kubernetes manifests offline against the Kubernetes OpenAPI schemas that ship
// with the kubernetes-models package, and writes each file's objects as JSON for the tests.
//   node validate.mjs --json-out <dir> <rendered.yaml>...
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { basename, join } from "node:path";
import yaml from "js-yaml";

const args = process.argv.slice(2);
let jsonOut = null;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--json-out") jsonOut = args[++i];
  else files.push(args[i]);
}
if (files.length === 0) {
  console.error("usage: node validate.mjs [--json-out DIR] FILE.yaml...");
  process.exit(2);
}

// apiVersion "v1" -> kubernetes-models/v1, "apps/v1" -> kubernetes-models/apps/v1, ...
async function modelFor(apiVersion, kind) {
  let module;
  try {
    module = await import(`kubernetes-models/${apiVersion}`);
  } catch {
    return null;
  }
  return module[kind] ?? null;
}

let failures = 0;
let total = 0;
for (const file of files) {
  const docs = yaml.loadAll(readFileSync(file, "utf8")).filter((d) => d != null);
  for (const doc of docs) {
    total++;
    const where = `${basename(file)}: ${doc.kind}/${doc.metadata?.namespace ? doc.metadata.namespace + "/" : ""}${doc.metadata?.name}`;
    const Model = await modelFor(doc.apiVersion, doc.kind);
    if (!Model) {
      console.error(`${where}: no schema for apiVersion ${doc.apiVersion} kind ${doc.kind}`);
      failures++;
      continue;
    }
    try {
      new Model(doc).validate();
    } catch (error) {
      console.error(`${where}: ${error.message}`);
      failures++;
    }
  }
  if (jsonOut) {
    mkdirSync(jsonOut, { recursive: true });
    writeFileSync(join(jsonOut, basename(file).replace(/\.ya?ml$/, ".json")), JSON.stringify(docs, null, 1));
  }
  console.log(`${file}: ${docs.length} objects`);
}
console.log(`${total} objects validated, ${failures} invalid`);
process.exit(failures === 0 ? 0 : 1);
