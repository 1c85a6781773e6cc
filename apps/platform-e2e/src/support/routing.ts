import { randomInt } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import { AckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { e2eState } from './e2e-state.js';
import { operatorToken } from './operator.js';
import { graphql } from './platform-client.js';

export type SimBehaviour =
  | 'success' | 'reject' | 'insufficient-balance' | 'timeout-then-success' | 'timeout-then-failure'
  | 'pending-then-success' | 'pending-then-failure' | 'server-error' | 'garbage';

/** A Nigerian MTN number of this test's own, in local form, that no test-number row matches by itself. */
export function mtnNumber(): string {
  return `0803${String(randomInt(0, 1_000_000)).padStart(6, '0')}9`;
}

/**
 * Makes one simulator (and only it) answer `target` as `behaviour`: the simulators' test-only override
 * of the test-number table, so that one phone can meet a different answer at each upstream.
 */
export async function simBehaviour(simulator: 'estoresms' | 'africastalking', target: string, behaviour: SimBehaviour): Promise<void> {
  const response = await fetch(`${e2eState().simUrl}/${simulator}/sim/behaviours/${encodeURIComponent(target)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ behaviour }),
  });
  if (response.status >= 300) throw new Error(`${simulator} behaviour override refused: ${response.status} ${await response.text()}`);
}

/** An operator's GraphQL request; throws on errors. */
export async function asOperator<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await graphql(query, variables, { token: await operatorToken() });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data as T;
}

export async function drain(upstream: string, drained: boolean, mode?: 'live' | 'test'): Promise<void> {
  await asOperator(`mutation($input: DrainUpstreamInput!) { drainUpstream(input: $input) { drains { upstream } } }`, {
    input: { upstream, drained, ...(mode ? { mode } : {}), reason: 'e2e' },
  });
}

type OrderEventBody = { status: string; order: { id: string; status: string; attempts: { upstream: string; status: string }[] } };

/** The order events JetStream holds for one account, as a late durable consumer reads them, up to the first that `until` accepts. */
export async function orderEventsOf(accountId: string, until: (event: OrderEventBody) => boolean): Promise<{ status: string; order: { id: string; status: string; attempts: { upstream: string; status: string }[] } }[]> {
  const { subjectPrefix } = e2eState();
  const nc = await connect({ servers: process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222' });
  try {
    const stream = `${subjectPrefix.replace(/[^A-Za-z0-9_-]/g, '_')}ORDERS`;
    const info = await (await jetstreamManager(nc)).consumers.add(stream, { ack_policy: AckPolicy.None, filter_subject: `${subjectPrefix}orders.events.${accountId}.>`, inactive_threshold: 30e9 });
    const consumer = await jetstream(nc).consumers.get(stream, info.name);
    const seen: { status: string; order: { id: string; status: string; attempts: { upstream: string; status: string }[] } }[] = [];
    const deadline = Date.now() + 10_000;
    while (!seen.some(until) && Date.now() < deadline) {
      const message = await consumer.next({ expires: 1000 });
      if (message) seen.push(message.json());
    }
    return seen;
  } finally {
    await nc.close();
  }
}
