import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorMessage } from '../errors.js';
import {
  BatchesDocument,
  type BatchesQueryVariables,
  BatchProgressDocument,
  type BatchProgressFieldsFragment,
  CancelBatchDocument,
  type PreviewBulkMutation,
  PreviewBulkDocument,
  RunBulkDocument,
} from '../graphql/generated/operations.js';
import { displayMinor } from '../money.js';
import type { Mode } from '../session.js';
import { when } from './api-keys.js';
import { Problem } from './auth.js';

type Preview = PreviewBulkMutation['previewBulk']['preview'];
/** How often a running batch is asked for its progress. */
const POLL_MS = 1_000;

/** A fresh batch reference: one per preview the user means to run, however many times Run is pressed. */
function newBatchReference(): string {
  return `dash-bulk-${crypto.randomUUID()}`;
}

/**
 * A CSV of recharges: checked first (previewBulk: per-row problems and totals beside the balance, no
 * money moves), then run once as a batch (runBulk, idempotent on the reference made with the preview),
 * its progress followed until every row is final, and its results.csv saved from REST.
 */
export function BulkScreen({ mode, token }: { mode: Mode; token: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [batchReference, setBatchReference] = useState(newBatchReference);
  const [batch, setBatch] = useState<BatchProgressFieldsFragment | null>(null);
  const [readProblem, setReadProblem] = useState<string | null>(null);
  const [previewed, previewBulk] = useMutation(PreviewBulkDocument);
  const [ran, runBulk] = useMutation(RunBulkDocument);
  const running = useRef(false);

  // Another mode is another wallet: what was previewed or run in one does not carry over.
  useEffect(() => {
    setPreview(null);
    setBatch(null);
  }, [mode]);

  const check = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setReadProblem(null);
    setBatch(null);
    let csv: string;
    try {
      csv = await file.text();
    } catch {
      setReadProblem(`${file.name} could not be read.`);
      return;
    }
    const answer = await previewBulk({ input: { csv, mode } });
    const next = answer.data?.previewBulk.preview ?? null;
    setPreview(next);
    setBatchReference(newBatchReference());
  };

  const run = async () => {
    if (!preview || running.current) return;
    running.current = true;
    try {
      const answer = await runBulk({ input: { previewId: preview.previewId, batchReference, mode } });
      if (answer.data) setBatch(answer.data.runBulk.batch);
    } finally {
      running.current = false;
    }
  };

  const covered = preview?.totals.every((t) => t.sufficient) ?? false;
  return (
    <section aria-labelledby="bulk-heading">
      <h1 id="bulk-heading">Bulk recharges ({mode})</h1>
      <form className="inline" aria-label={`Check a ${mode} CSV of recharges`} onSubmit={check}>
        <p className="field">
          <label htmlFor="bulk-file">CSV file</label>
          <input id="bulk-file" type="file" accept=".csv,text/csv" required aria-describedby="bulk-file-hint" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          <span id="bulk-file-hint" className="hint">
            Columns: target, amount (major units); optional product_id, agent_reference, custom_sms, currency.
          </span>
        </p>
        <button type="submit" disabled={!file || previewed.fetching}>
          Check the file
        </button>
      </form>
      {previewed.fetching && <p role="status">Checking {file?.name}…</p>}
      <Problem message={readProblem ?? errorMessage(previewed.error)} />
      {preview && <PreviewReport preview={preview} />}
      {preview && !batch && (
        <p>
          <button type="button" onClick={run} disabled={preview.okCount === 0 || !covered || ran.fetching}>
            Run {preview.okCount} {preview.okCount === 1 ? 'row' : 'rows'} ({mode})
          </button>{' '}
          {!covered && <span className="hint">The wallet does not cover the total: top it up first.</span>}
          {preview.errorCount > 0 && <span className="hint">Rows with errors are kept in the results as invalid and not paid.</span>}
        </p>
      )}
      <Problem message={errorMessage(ran.error)} />
      {batch && <BatchProgressReport initial={batch} mode={mode} token={token} />}
      <BatchHistory mode={mode} changed={batch ? `${batch.id} ${batch.status}` : null} />
    </section>
  );
}

const HISTORY_PAGE = 10;
type Paging = Pick<BatchesQueryVariables, 'first' | 'after' | 'last' | 'before'>;

/**
 * The mode's batches, newest first, with their progress; asked again every few seconds while one is
 * running so its counts and status move, and whenever a batch is run above.
 */
function BatchHistory({ mode, changed }: { mode: Mode; changed: string | null }) {
  const [page, setPage] = useState<Paging>({ first: HISTORY_PAGE });
  useEffect(() => setPage({ first: HISTORY_PAGE }), [mode]);
  const context = useMemo(() => ({ additionalTypenames: ['Batch'] }), []);
  const [{ data, fetching, error }, refetch] = useQuery({ query: BatchesDocument, variables: { mode, ...page }, context, requestPolicy: 'cache-and-network' });
  const connection = data?.viewer.account.batches;
  const batches = connection?.edges.map((e) => e.node) ?? [];
  const anyRunning = batches.some((b) => (b.progress?.status ?? b.status) === 'running');
  useEffect(() => {
    if (changed) refetch({ requestPolicy: 'network-only' });
  }, [changed, refetch]);
  useEffect(() => {
    if (!anyRunning) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), POLL_MS * 3);
    return () => clearInterval(timer);
  }, [anyRunning, refetch]);
  return (
    <section aria-labelledby="batches-heading">
      <h2 id="batches-heading">Earlier {mode} batches</h2>
      {fetching && !data && <p role="status">Loading batches…</p>}
      <Problem message={errorMessage(error)} />
      {connection && batches.length === 0 && <p>No {mode} batches yet.</p>}
      {batches.length > 0 && (
        <table>
          <caption>Batches in {mode} mode, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Created</th>
              <th scope="col">Reference</th>
              <th scope="col">Rows</th>
              <th scope="col">By status</th>
              <th scope="col">Sent</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {batches.map((b) => (
              <BatchRow key={b.id} batch={b} onCancelled={() => refetch({ requestPolicy: 'network-only' })} />
            ))}
          </tbody>
        </table>
      )}
      {connection && (connection.pageInfo.hasPreviousPage || connection.pageInfo.hasNextPage) && (
        <nav aria-label="Batch pages" className="pager">
          <button type="button" disabled={!connection.pageInfo.hasPreviousPage} onClick={() => setPage({ last: HISTORY_PAGE, before: connection.pageInfo.startCursor })}>
            Newer
          </button>
          <button type="button" disabled={!connection.pageInfo.hasNextPage} onClick={() => setPage({ first: HISTORY_PAGE, after: connection.pageInfo.endCursor })}>
            Older
          </button>
        </nav>
      )}
    </section>
  );
}

/** One batch; a running one can be cancelled after confirming (rows not yet dispatched are skipped). */
function BatchRow({ batch, onCancelled }: { batch: BatchProgressFieldsFragment & { createdAt: string }; onCancelled: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [result, cancelBatch] = useMutation(CancelBatchDocument);
  const progress = batch.progress;
  const reference = progress?.batchReference ?? batch.databaseId;
  const status = progress?.status ?? batch.status;
  const cancel = async () => {
    const answer = await cancelBatch({ input: { id: batch.id } });
    if (answer.data) {
      setConfirming(false);
      onCancelled();
    }
  };
  return (
    <tr>
      <td>{when(batch.createdAt)}</td>
      <td>{reference}</td>
      <td>{progress?.rowCount ?? batch.totalCount}</td>
      <td>{progress?.counts.map((c) => `${c.status} ${c.count}`).join(', ')}</td>
      <td className="amount">{progress?.amounts.map((a) => displayMinor(a.sentMinor, a.currency)).join(', ')}</td>
      <td>{status}</td>
      <td>
        {status !== 'running' ? null : confirming ? (
          <span role="group" aria-label={`Confirm cancelling ${reference}`}>
            Cancel {reference}? Rows not yet sent are skipped; sent ones stay.{' '}
            <button type="button" className="danger" disabled={result.fetching} onClick={cancel}>
              Yes, cancel the batch
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              Keep it running
            </button>
            <Problem message={errorMessage(result.error)} />
          </span>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} aria-label={`Cancel ${reference}`}>
            Cancel
          </button>
        )}
      </td>
    </tr>
  );
}

function PreviewReport({ preview }: { preview: Preview }) {
  const problems = preview.rows.filter((r) => r.errors.length > 0 || r.warnings.length > 0);
  return (
    <>
      <h2>Preview</h2>
      <p role="status">
        {preview.rowCount} rows: {preview.okCount} ok, {preview.errorCount} with errors, {preview.warningCount} with warnings.
      </p>
      {problems.length > 0 && (
        <table>
          <caption>Rows with problems{preview.rowsTruncated ? ' (the first 1,000)' : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Target</th>
              <th scope="col">Amount</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((r) => (
              <tr key={r.row}>
                <td>{r.row}</td>
                <td>{r.target}</td>
                <td>{r.amount}</td>
                <td>
                  {[...r.errors.map((e) => `Error: ${e.message}`), ...r.warnings.map((w) => `Warning: ${w.message}`)].join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.totals.length > 0 && (
        <table>
          <caption>Totals against the {preview.mode} balance</caption>
          <thead>
            <tr>
              <th scope="col">Currency</th>
              <th scope="col">Rows</th>
              <th scope="col">Total</th>
              <th scope="col">Balance</th>
              <th scope="col">Covered</th>
            </tr>
          </thead>
          <tbody>
            {preview.totals.map((t) => (
              <tr key={t.currency}>
                <td>{t.currency}</td>
                <td>{t.count}</td>
                <td className="amount">{displayMinor(t.amountMinor, t.currency)}</td>
                <td className="amount">{displayMinor(t.balanceMinor, t.currency)}</td>
                <td>{t.sufficient ? 'yes' : 'no: top up first'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** The batch as runBulk answered it, asked again every second until every row is final. */
function BatchProgressReport({ initial, mode, token }: { initial: BatchProgressFieldsFragment; mode: Mode; token: string }) {
  const [{ data, error }, refetch] = useQuery({ query: BatchProgressDocument, variables: { id: initial.id }, requestPolicy: 'network-only' });
  const node = data?.node;
  const batch = node && 'progress' in node ? node : initial;
  const progress = batch.progress;
  const finished = progress ? progress.status !== 'running' : batch.status === 'completed';
  useEffect(() => {
    if (finished) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), POLL_MS);
    return () => clearInterval(timer);
  }, [finished, refetch]);
  return (
    <>
      <h2>Batch {progress?.batchReference ?? batch.databaseId}</h2>
      <p role="status">
        {finished ? `Batch ${progress?.status ?? batch.status}` : 'Batch running'}: {progress?.rowCount ?? batch.totalCount} rows
        {progress?.completedAt ? `, every row final at ${new Date(progress.completedAt).toLocaleString()}` : ''}.
      </p>
      <Problem message={errorMessage(error)} />
      {progress && (
        <table>
          <caption>Rows of the batch by status</caption>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Rows</th>
            </tr>
          </thead>
          <tbody>
            {progress.counts.map((c) => (
              <tr key={c.status}>
                <td>{c.status}</td>
                <td>{c.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {progress?.amounts.map((a) => (
        <p key={a.currency}>
          Sent {displayMinor(a.sentMinor, a.currency)}, refunded {displayMinor(a.refundedMinor, a.currency)}.
        </p>
      ))}
      {finished && <ResultsDownload batchId={batch.databaseId} reference={progress?.batchReference ?? batch.databaseId} mode={mode} token={token} />}
    </>
  );
}

/** results.csv from REST with the session's bearer token (a plain link could not send it), saved through an object URL. */
function ResultsDownload({ batchId, reference, mode, token }: { batchId: string; reference: string; mode: Mode; token: string }) {
  const [state, setState] = useState<{ busy: boolean; problem: string | null; saved: string | null }>({ busy: false, problem: null, saved: null });
  const download = async () => {
    setState({ busy: true, problem: null, saved: null });
    try {
      const answer = await fetch(`/api/v1/bulk/${encodeURIComponent(batchId)}/results.csv?mode=${mode}`, { headers: { Authorization: `Bearer ${token}` } });
      if (!answer.ok) {
        const body = (await answer.json().catch(() => null)) as { message?: string } | null;
        setState({ busy: false, problem: body?.message ?? `The results could not be fetched (HTTP ${answer.status}).`, saved: null });
        return;
      }
      const filename = `results-${reference}.csv`;
      const url = URL.createObjectURL(await answer.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
      setState({ busy: false, problem: null, saved: filename });
    } catch {
      setState({ busy: false, problem: 'The dashboard cannot reach the platform. Check your connection and try again.', saved: null });
    }
  };
  return (
    <p>
      <button type="button" onClick={download} disabled={state.busy}>
        Download results.csv
      </button>{' '}
      <span role="status">{state.saved ? `Saved ${state.saved}.` : ''}</span>
      <Problem message={state.problem} />
    </p>
  );
}
