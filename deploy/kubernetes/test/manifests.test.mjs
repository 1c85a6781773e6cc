// The Kubernetes manifests, checked without a cluster: every overlay renders (test/render.mjs, Kustomize's subset
// used here), every rendered object and the example Secrets validate against the Kubernetes API's JSON schemas
// (kubernetes-models' validators), and the platform's own rules hold: probes that mean different things, resource
// requests, a grace period that covers SHUTDOWN_GRACE_MS, an autoscaler and a disruption budget per service, config
// from ConfigMaps and secrets from Secrets. Run: node --test deploy/kubernetes/test/
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readYamlDocuments, render } from './render.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVICES = ['gateway', 'identity', 'wallet', 'orders', 'provider-adapters', 'notifications'];
const OVERLAYS = readdirSync(path.join(ROOT, 'overlays'));

/** The kubernetes-models class of an object, by its apiVersion and kind. */
async function modelOf(doc) {
  const [group, version] = doc.apiVersion.includes('/') ? doc.apiVersion.split('/') : [null, doc.apiVersion];
  const module = await import(`kubernetes-models/${group ? `${group}/` : ''}${version}/${doc.kind}`);
  return module[doc.kind];
}

async function validate(doc, where) {
  const Model = await modelOf(doc).catch(() => assert.fail(`${where}: ${doc.apiVersion} ${doc.kind} is not a Kubernetes kind`));
  try {
    new Model(doc).validate();
  } catch (error) {
    assert.fail(`${where}: ${doc.kind}/${doc.metadata?.name}: ${error.message}`);
  }
}

const byKind = (docs, kind) => docs.filter((d) => d.kind === kind);
const named = (docs, kind, name) => docs.find((d) => d.kind === kind && d.metadata.name === name);

for (const target of ['base', ...OVERLAYS.map((o) => `overlays/${o}`)]) {
  describe(`deploy/kubernetes/${target}`, () => {
    const docs = render(path.join(ROOT, target));

    it('validates against the Kubernetes schemas', async () => {
      assert.ok(docs.length > 0);
      for (const doc of docs) await validate(doc, target);
    });

    it('has no two objects of one kind and name', () => {
      const keys = docs.map((d) => `${d.kind}/${d.metadata.name}`);
      assert.deepEqual(keys.filter((k, i) => keys.indexOf(k) !== i), []);
    });

    for (const service of SERVICES) {
      describe(service, () => {
        const deployment = named(docs, 'Deployment', service);
        const pod = deployment?.spec.template.spec;
        const container = pod?.containers[0];

        it('is a Deployment whose selector matches its pods', () => {
          assert.ok(deployment, `no Deployment ${service}`);
          for (const [key, value] of Object.entries(deployment.spec.selector.matchLabels)) assert.equal(deployment.spec.template.metadata.labels[key], value);
        });

        it('has readiness and liveness probes that check different things, and a start-up probe', () => {
          assert.ok(container.readinessProbe && container.livenessProbe && container.startupProbe);
          assert.notDeepEqual(container.readinessProbe, container.livenessProbe);
          // A liveness probe that follows a dependency would restart every replica during its outage.
          assert.notDeepEqual(container.livenessProbe.exec?.command ?? container.livenessProbe.httpGet, container.readinessProbe.exec?.command ?? container.readinessProbe.httpGet);
        });

        it('serves /metrics, /livez and /readyz on its internal METRICS_PORT, annotated for scraping, exposed by no Service', () => {
          const common = named(docs, 'ConfigMap', 'airtime-common');
          const metricsPort = container.ports?.find((p) => p.name === 'metrics');
          assert.ok(metricsPort, 'no container port named metrics');
          assert.equal(String(metricsPort.containerPort), common.data.METRICS_PORT);
          const annotations = deployment.spec.template.metadata.annotations ?? {};
          assert.equal(annotations['prometheus.io/scrape'], 'true');
          assert.equal(annotations['prometheus.io/port'], common.data.METRICS_PORT);
          assert.equal(annotations['prometheus.io/path'], '/metrics');
          // Liveness never follows a dependency: /livez answers from the event loop alone.
          assert.deepEqual(container.livenessProbe.httpGet, { path: '/livez', port: 'metrics' });
          if (service !== 'gateway') assert.deepEqual(container.readinessProbe.httpGet, { path: '/readyz', port: 'metrics' });
          for (const svc of byKind(docs, 'Service')) {
            for (const port of svc.spec.ports) assert.ok(port.targetPort !== 'metrics' && String(port.targetPort) !== common.data.METRICS_PORT, `Service ${svc.metadata.name} exposes the metrics port`);
          }
        });

        it('requests CPU and memory and limits memory', () => {
          assert.ok(container.resources.requests.cpu && container.resources.requests.memory);
          assert.ok(container.resources.limits.memory);
        });

        it('is given longer to stop than the service takes to drain', () => {
          const common = named(docs, 'ConfigMap', 'airtime-common');
          const graceMs = Number(common.data.SHUTDOWN_GRACE_MS);
          const preStop = Number(container.lifecycle?.preStop?.exec?.command?.at(-1) ?? 0);
          assert.ok(pod.terminationGracePeriodSeconds * 1000 >= graceMs + preStop * 1000 + 5000,
            `terminationGracePeriodSeconds ${pod.terminationGracePeriodSeconds} < SHUTDOWN_GRACE_MS ${graceMs} ms + preStop ${preStop} s + 5 s`);
        });

        it('takes config from ConfigMaps and secrets from its own Secret, none inline', () => {
          const sources = container.envFrom;
          for (const source of sources.filter((s) => s.configMapRef)) assert.ok(named(docs, 'ConfigMap', source.configMapRef.name), `ConfigMap ${source.configMapRef.name} missing`);
          assert.deepEqual(sources.filter((s) => s.secretRef).map((s) => s.secretRef.name), [`${service}-secrets`]);
          assert.equal(container.env, undefined);
          for (const map of byKind(docs, 'ConfigMap')) {
            for (const key of Object.keys(map.data ?? {})) assert.doesNotMatch(key, /SECRET|PASSWORD|TOKEN|_KEY$|DATABASE_URL/, `${key} belongs in a Secret, not ConfigMap ${map.metadata.name}`);
          }
        });

        it('runs as non-root, read-only, without privileges', () => {
          assert.equal(pod.securityContext.runAsNonRoot, true);
          assert.equal(container.securityContext.allowPrivilegeEscalation, false);
          assert.equal(container.securityContext.readOnlyRootFilesystem, true);
          assert.deepEqual(container.securityContext.capabilities.drop, ['ALL']);
        });

        it('has an autoscaler and a disruption budget over its pods', () => {
          const hpa = named(docs, 'HorizontalPodAutoscaler', service);
          assert.equal(hpa.spec.scaleTargetRef.name, service);
          assert.ok(hpa.spec.minReplicas >= 1 && hpa.spec.maxReplicas >= hpa.spec.minReplicas);
          const pdb = named(docs, 'PodDisruptionBudget', service);
          for (const [key, value] of Object.entries(pdb.spec.selector.matchLabels)) assert.equal(pod && deployment.spec.template.metadata.labels[key], value);
        });

        if (target !== 'base') {
          it('runs an image from the overlay, at a tag', () => {
            assert.match(container.image, /^[a-z0-9.-]+\/airtime\/[a-z-]+:[A-Za-z0-9._-]+$/);
            for (const doc of docs) if (doc.kind !== 'Namespace') assert.ok(doc.metadata.namespace, `${doc.kind}/${doc.metadata.name} has no namespace`);
          });
        }
      });
    }
  });
}

describe('deploy/kubernetes/examples', () => {
  it('the example Secrets validate and name every Secret the Deployments read', async () => {
    const secrets = readYamlDocuments(path.join(ROOT, 'examples/secrets.example.yaml'));
    for (const secret of secrets) await validate(secret, 'examples/secrets.example.yaml');
    const wanted = byKind(render(path.join(ROOT, 'base')), 'Deployment').flatMap((d) => d.spec.template.spec.containers[0].envFrom.filter((s) => s.secretRef).map((s) => s.secretRef.name));
    assert.deepEqual(secrets.map((s) => s.metadata.name).sort(), [...new Set(wanted)].sort());
  });

  it('the renderer refuses what it does not know rather than ignore it', async () => {
    const { applyJsonPatch } = await import('./render.mjs');
    assert.throws(() => applyJsonPatch({ spec: {} }, [{ op: 'replace', path: '/spec/replicas', value: 1 }], 'x'), /does not exist/);
    assert.throws(() => applyJsonPatch({ spec: {} }, [{ op: 'move', from: '/a', path: '/spec/b' }], 'x'), /not supported/);
  });

  it('a schema violation is caught', async () => {
    const [deployment] = readYamlDocuments(path.join(ROOT, 'base/orders.yaml'));
    deployment.spec.replicas = 'two';
    await assert.rejects(validate(deployment, 'mutated'), /replicas must be integer/);
  });
});
