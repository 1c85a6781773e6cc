import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { e2eState } from '../support/e2e-state.js';
import { fundedShop } from '../support/orders.js';
import { http } from '../support/platform-client.js';
import { onboardTenant } from '../support/tenants.js';

interface Operation {
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown }> }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; in?: string; name?: string; 'x-authorization-scheme'?: string }>; schemas: Record<string, { required?: string[] }> };
}

/** The document integrators are given: the file committed with the gateway, not one the platform serves. */
const document = JSON.parse(
  readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../gateway/openapi.json'), 'utf8'),
) as Document;

describe('a client built from the committed OpenAPI document', () => {
  it("sends 001's example order from the document alone (path, method, auth header, body) and gets the documented order", async () => {
    const shop = await fundedShop(await onboardTenant());

    // The operation whose example is 001's order: where and how to send it.
    const found = Object.entries(document.paths).flatMap(([route, item]) =>
      Object.entries(item).flatMap(([method, operation]) => {
        const example = operation.requestBody?.content['application/json']?.examples?.['001'];
        return example ? [{ route, method: method.toUpperCase(), operation, body: example.value }] : [];
      }),
    );
    expect(found).toHaveLength(1);
    const [{ route, method, operation, body }] = found as [(typeof found)[number]];

    // The API-key scheme the operation accepts: which header, and what goes before the key.
    const schemeName = (operation.security ?? []).flatMap((requirement) => Object.keys(requirement)).find((name) => document.components.securitySchemes[name]?.type === 'apiKey');
    const scheme = document.components.securitySchemes[schemeName ?? ''];
    expect(scheme).toMatchObject({ in: 'header' });
    const headers = {
      'content-type': 'application/json',
      [scheme?.name ?? '']: [scheme?.['x-authorization-scheme'], shop.key].filter(Boolean).join(' '),
    };

    const answer = await fetch(`${e2eState().gatewayUrl}${route}`, { method, headers, body: JSON.stringify(body) });
    const order = (await answer.json()) as Record<string, unknown>;
    expect({ status: answer.status, order: order['status'] }).toEqual({ status: 200, order: 'success' });
    const sent = body as { agent_reference: string; product_id: number; custom_sms: string };
    expect(order).toMatchObject({ agent_reference: sent.agent_reference, product_id: sent.product_id, custom_sms: sent.custom_sms, amount: '5.00' });

    // The answer has every field the document's 200 schema requires.
    const ref = operation.responses['200']?.content?.['application/json']?.schema.$ref ?? '';
    const required = document.components.schemas[ref.split('/').pop() ?? '']?.required ?? [];
    expect(required.length).toBeGreaterThan(10);
    expect(required.filter((field) => !(field in order))).toEqual([]);
  });

  it('is not served by a production gateway: /openapi.json and /docs are 404', async () => {
    for (const route of ['/openapi.json', '/docs', '/docs/', '/docs/swagger-ui-init.js']) {
      const { status, body } = await http('GET', route);
      expect({ route, status }).toEqual({ route, status: 404 });
      expect(body).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
    }
  });
});
