import { type FormEvent, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorMessage } from '../errors.js';
import {
  CreateWebhookEndpointDocument,
  DeleteWebhookEndpointDocument,
  ResendWebhookDeliveriesDocument,
  RotateWebhookSecretDocument,
  WebhookDeliveriesDocument,
  type WebhookDeliveriesQuery,
  type WebhookEndpointRowFragment,
  WebhookEndpointsDocument,
} from '../graphql/generated/operations.js';
import type { Mode } from '../session.js';
import { when } from './api-keys.js';
import { Field, Problem } from './auth.js';

/** The events an endpoint can subscribe to, as CreateWebhookEndpointInput.events documents them. */
const EVENTS = ['order.success', 'order.failed', 'order.refunded', 'order.unknown', 'order.reversed', 'topup.paid', 'topup.failed', 'batch.completed'] as const;

type Delivery = WebhookDeliveriesQuery['viewer']['account']['webhookDeliveries']['edges'][number]['node'];

/** Settings → Webhooks: the chosen mode's endpoints (secrets shown once, on create and rotate) and recent deliveries. */
export function WebhooksScreen({ mode }: { mode: Mode }) {
  // An empty list names no WebhookEndpoint, so the cache must be told a new one makes it stale.
  const context = useMemo(() => ({ additionalTypenames: ['WebhookEndpoint'] }), []);
  const [{ data, fetching, error }] = useQuery({ query: WebhookEndpointsDocument, variables: { mode }, context });
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const endpoints = data?.viewer.account.webhookEndpoints.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="webhooks-heading">
      <h1 id="webhooks-heading">Webhooks ({mode})</h1>
      <CreateEndpoint mode={mode} onSecret={setSecret} />
      {secret && (
        <div className="secret" role="region" aria-label="Your webhook signing secret">
          <p>
            <strong>Copy the signing secret for {secret.url} now: it is shown only this once.</strong> Your endpoint uses it
            to check that deliveries come from us.
          </p>
          <p>
            <code data-testid="new-webhook-secret">{secret.secret}</code>
          </p>
          <button type="button" onClick={() => setSecret(null)}>
            I have stored it
          </button>
        </div>
      )}
      <h2>Your {mode} endpoints</h2>
      {fetching && !data && <p role="status">Loading endpoints…</p>}
      <Problem message={errorMessage(error)} />
      {data && endpoints.length === 0 && <p>No {mode} webhook endpoints yet.</p>}
      {endpoints.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">URL</th>
              <th scope="col">Events</th>
              <th scope="col">Secret</th>
              <th scope="col">Created</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {endpoints.map((endpoint) => (
              <EndpointRow key={endpoint.id} endpoint={endpoint} onSecret={setSecret} />
            ))}
          </tbody>
        </table>
      )}
      <Deliveries mode={mode} />
    </section>
  );
}

function CreateEndpoint({ mode, onSecret }: { mode: Mode; onSecret: (shown: { url: string; secret: string }) => void }) {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(['order.success', 'order.refunded']);
  const [result, create] = useMutation(CreateWebhookEndpointDocument);
  const toggle = (event: string) => setEvents((chosen) => (chosen.includes(event) ? chosen.filter((e) => e !== event) : [...chosen, event]));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await create({ input: { url: url.trim(), events, mode } });
    const payload = answer.data?.createWebhookEndpoint;
    if (payload) {
      onSecret({ url: payload.webhookEndpoint.url, secret: payload.secret });
      setUrl('');
    }
  };
  return (
    <form onSubmit={submit} aria-label={`Add a ${mode} webhook endpoint`}>
      <Field label={`New ${mode} endpoint URL`} name="webhook-url" type="url" value={url} onChange={setUrl} />
      <fieldset className="events">
        <legend>Events to send</legend>
        {EVENTS.map((e) => (
          <label key={e}>
            <input type="checkbox" name="events" value={e} checked={events.includes(e)} onChange={() => toggle(e)} /> {e}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={result.fetching || events.length === 0}>
        Add {mode} endpoint
      </button>
      <Problem message={errorMessage(result.error)} />
    </form>
  );
}

function EndpointRow({ endpoint, onSecret }: { endpoint: WebhookEndpointRowFragment; onSecret: (shown: { url: string; secret: string }) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [rotated, rotate] = useMutation(RotateWebhookSecretDocument);
  const [deleted, remove] = useMutation(DeleteWebhookEndpointDocument);
  const rotateNow = async () => {
    const answer = await rotate({ input: { id: endpoint.id } });
    const payload = answer.data?.rotateWebhookSecret;
    if (payload) onSecret({ url: payload.webhookEndpoint.url, secret: payload.secret });
  };
  return (
    <tr>
      <td>{endpoint.url}</td>
      <td>{endpoint.events.join(', ')}</td>
      <td>
        <code>{endpoint.secretPrefix}…</code>
        {endpoint.previousSecretExpiresAt && <span className="hint"> (old secret signs until {when(endpoint.previousSecretExpiresAt)})</span>}
      </td>
      <td>{when(endpoint.createdAt)}</td>
      <td>
        {confirming ? (
          <span role="group" aria-label={`Confirm deleting ${endpoint.url}`}>
            Delete this endpoint? Nothing more is sent to it.{' '}
            <button type="button" className="danger" disabled={deleted.fetching} onClick={() => remove({ input: { id: endpoint.id } })}>
              Yes, delete
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <>
            <button type="button" disabled={rotated.fetching} onClick={rotateNow} aria-label={`Rotate secret of ${endpoint.url}`}>
              Rotate secret
            </button>{' '}
            <button type="button" onClick={() => setConfirming(true)} aria-label={`Delete ${endpoint.url}`}>
              Delete
            </button>
          </>
        )}
        <Problem message={errorMessage(rotated.error) ?? errorMessage(deleted.error)} />
      </td>
    </tr>
  );
}

function Deliveries({ mode }: { mode: Mode }) {
  const context = useMemo(() => ({ additionalTypenames: ['WebhookDelivery'] }), []);
  const [{ data, error }, refetch] = useQuery({ query: WebhookDeliveriesDocument, variables: { mode }, context });
  const deliveries = data?.viewer.account.webhookDeliveries.edges.map((e) => e.node) ?? [];
  return (
    <>
      <h2>Recent {mode} deliveries</h2>
      <button type="button" onClick={() => refetch({ requestPolicy: 'network-only' })}>
        Refresh deliveries
      </button>
      <Problem message={errorMessage(error)} />
      {data && deliveries.length === 0 && <p>No {mode} deliveries yet.</p>}
      {deliveries.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Created</th>
              <th scope="col">Event</th>
              <th scope="col">Endpoint</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <DeliveryRow key={d.id} delivery={d} onResent={() => refetch({ requestPolicy: 'network-only' })} />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function DeliveryRow({ delivery, onResent }: { delivery: Delivery; onResent: () => void }) {
  const [result, resend] = useMutation(ResendWebhookDeliveriesDocument);
  const last = delivery.attempts.at(-1);
  const resendNow = async () => {
    const answer = await resend({ input: { deliveryId: delivery.id } });
    if (answer.data) onResent();
  };
  return (
    <tr>
      <td>{when(delivery.createdAt)}</td>
      <td>{delivery.eventType}</td>
      <td>{delivery.endpoint?.url ?? '(deleted endpoint)'}</td>
      <td>
        {delivery.status}
        {delivery.nextAttemptAt && delivery.status === 'pending' ? `, next try ${when(delivery.nextAttemptAt)}` : ''}
      </td>
      <td>
        {delivery.attempts.length}
        {last && ` (last: ${last.statusCode ?? last.error ?? 'no answer'}, ${last.durationMs} ms)`}
      </td>
      <td>
        <button type="button" disabled={result.fetching} onClick={resendNow} aria-label={`Re-send ${delivery.eventType} of ${when(delivery.createdAt)}`}>
          Re-send
        </button>
        <span role="status">{result.data ? ' Queued again.' : ''}</span>
        <Problem message={errorMessage(result.error)} />
      </td>
    </tr>
  );
}
