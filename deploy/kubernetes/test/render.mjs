// Renders a kustomization the way `kubectl kustomize` does, for the subset of Kustomize these manifests use:
// resources (files and directories with a kustomization.yaml), namespace, images (newName/newTag) and patches as
// JSON 6902 operations with a target (kind, optional name). Anything else in a kustomization.yaml is refused, so a
// new feature in an overlay fails the test here instead of being silently ignored; teach this file first.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

const KNOWN = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'images', 'patches']);
// Kinds that live in a namespace (everything these manifests hold); cluster-scoped kinds keep none.
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PriorityClass', 'StorageClass']);

/** Every document of a YAML file, as plain objects; a YAML error throws with the file's name. */
export function readYamlDocuments(file) {
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  const out = [];
  for (const doc of docs) {
    if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
    const value = doc.toJS();
    if (value !== null && value !== undefined) out.push(value);
  }
  return out;
}

function pointer(pathText) {
  return pathText.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Applies JSON 6902 operations (add, replace, remove) to a document, in place. */
export function applyJsonPatch(doc, operations, where) {
  for (const op of operations) {
    const tokens = pointer(op.path);
    const last = tokens.pop();
    let parent = doc;
    for (const token of tokens) {
      parent = Array.isArray(parent) ? parent[Number(token)] : parent?.[token];
      if (parent === undefined || parent === null) throw new Error(`${where}: patch path ${op.path} does not exist`);
    }
    const exists = Array.isArray(parent) ? Number(last) < parent.length : Object.hasOwn(parent, last);
    if (op.op === 'replace') {
      if (!exists) throw new Error(`${where}: replace of ${op.path}, which does not exist`);
      parent[Array.isArray(parent) ? Number(last) : last] = structuredClone(op.value);
    } else if (op.op === 'add') {
      if (Array.isArray(parent)) parent.splice(last === '-' ? parent.length : Number(last), 0, structuredClone(op.value));
      else parent[last] = structuredClone(op.value);
    } else if (op.op === 'remove') {
      if (!exists) throw new Error(`${where}: remove of ${op.path}, which does not exist`);
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else {
      throw new Error(`${where}: patch operation ${op.op} is not supported here`);
    }
  }
}

function containersOf(doc) {
  const spec = doc.spec?.template?.spec;
  return spec ? [...(spec.initContainers ?? []), ...(spec.containers ?? [])] : [];
}

/** The documents a kustomization directory renders to. */
export function render(dir) {
  const file = path.join(dir, 'kustomization.yaml');
  const [k] = readYamlDocuments(file);
  for (const key of Object.keys(k)) if (!KNOWN.has(key)) throw new Error(`${file}: '${key}' is not supported by this renderer (see render.mjs)`);
  const docs = [];
  for (const resource of k.resources ?? []) {
    const target = path.resolve(dir, resource);
    if (statSync(target).isDirectory()) docs.push(...render(target));
    else docs.push(...readYamlDocuments(target));
  }
  if (k.namespace) for (const doc of docs) if (!CLUSTER_SCOPED.has(doc.kind)) doc.metadata.namespace = k.namespace;
  for (const image of k.images ?? []) {
    let used = false;
    for (const doc of docs) {
      for (const container of containersOf(doc)) {
        const [name, tag] = container.image.split(':');
        if (name !== image.name) continue;
        container.image = `${image.newName ?? name}:${image.newTag ?? tag}`;
        used = true;
      }
    }
    if (!used) throw new Error(`${file}: image ${image.name} matches no container`);
  }
  for (const patch of k.patches ?? []) {
    const { target, patch: text } = patch;
    if (!target?.kind || typeof text !== 'string') throw new Error(`${file}: a patch needs target.kind and an inline JSON 6902 patch`);
    const matched = docs.filter((d) => d.kind === target.kind && (!target.name || d.metadata.name === target.name));
    if (matched.length === 0) throw new Error(`${file}: patch target ${target.kind}/${target.name ?? '*'} matches nothing`);
    const operations = parseAllDocuments(text)[0].toJS();
    for (const doc of matched) applyJsonPatch(doc, operations, `${file} → ${doc.kind}/${doc.metadata.name}`);
  }
  return docs;
}
