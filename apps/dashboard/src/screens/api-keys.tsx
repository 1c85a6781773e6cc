import { type FormEvent, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorMessage } from '../errors.js';
import { ApiKeysDocument, type ApiKeyRowFragment, CreateApiKeyDocument, RevokeApiKeyDocument } from '../graphql/generated/operations.js';
import type { Mode } from '../session.js';
import { Field, Problem } from './auth.js';

/** Settings → API keys: the account's keys (never their secrets), a new key shown once, revoking. */
export function ApiKeysScreen({ mode }: { mode: Mode }) {
  // An empty list names no ApiKey, so the cache must be told a new key makes it stale.
  const context = useMemo(() => ({ additionalTypenames: ['ApiKey'] }), []);
  const [{ data, fetching, error }] = useQuery({ query: ApiKeysDocument, context });
  const keys = data?.viewer.account.apiKeys.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="keys-heading">
      <h1 id="keys-heading">API keys</h1>
      <CreateKey mode={mode} />
      <h2>Your keys</h2>
      {fetching && !data && <p role="status">Loading keys…</p>}
      <Problem message={errorMessage(error)} />
      {data && keys.length === 0 && <p>No keys yet. Create one above to call the API from your systems.</p>}
      {keys.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Prefix</th>
              <th scope="col">Mode</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <KeyRow key={key.id} apiKey={key} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CreateKey({ mode }: { mode: Mode }) {
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [result, create] = useMutation(CreateApiKeyDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await create({ input: { name, mode } });
    const payload = answer.data?.createApiKey;
    if (payload) {
      setCreated({ key: payload.key, name: payload.apiKey.name });
      setCopied(false);
      setName('');
    }
  };
  const copy = async () => {
    await navigator.clipboard.writeText(created?.key ?? '');
    setCopied(true);
  };
  return (
    <>
      <form onSubmit={submit} aria-label="Create an API key" className="inline">
        <Field label={`New ${mode} key name`} name="key-name" value={name} onChange={setName} />
        <button type="submit" disabled={result.fetching}>
          Create {mode} key
        </button>
      </form>
      <Problem message={errorMessage(result.error)} />
      {created && (
        <div className="secret" role="region" aria-label="Your new API key">
          <p>
            <strong>Copy the key “{created.name}” now: it is shown only this once.</strong> Store it somewhere safe; if
            you lose it, revoke it and create another.
          </p>
          <p>
            <code data-testid="new-api-key">{created.key}</code>
          </p>
          <button type="button" onClick={copy}>
            Copy key
          </button>{' '}
          <span role="status">{copied ? 'Copied.' : ''}</span>{' '}
          <button type="button" onClick={() => setCreated(null)}>
            I have stored it
          </button>
        </div>
      )}
    </>
  );
}

function KeyRow({ apiKey }: { apiKey: ApiKeyRowFragment }) {
  const [confirming, setConfirming] = useState(false);
  const [result, revoke] = useMutation(RevokeApiKeyDocument);
  return (
    <tr>
      <td>{apiKey.name}</td>
      <td>
        <code>{apiKey.prefix}…</code>
      </td>
      <td>{apiKey.mode}</td>
      <td>{when(apiKey.createdAt)}</td>
      <td>{apiKey.lastUsedAt ? when(apiKey.lastUsedAt) : 'never'}</td>
      <td>
        {apiKey.revokedAt ? (
          `revoked ${when(apiKey.revokedAt)}`
        ) : confirming ? (
          <span role="group" aria-label={`Confirm revoking ${apiKey.name}`}>
            Revoke “{apiKey.name}”? Calls with it will fail at once.{' '}
            <button type="button" className="danger" disabled={result.fetching} onClick={() => revoke({ input: { id: apiKey.id } })}>
              Yes, revoke
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
            <Problem message={errorMessage(result.error)} />
          </span>
        ) : (
          <>
            active{' '}
            <button type="button" onClick={() => setConfirming(true)} aria-label={`Revoke ${apiKey.name}`}>
              Revoke
            </button>
          </>
        )}
      </td>
    </tr>
  );
}

export function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
