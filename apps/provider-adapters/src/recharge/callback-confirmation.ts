import type { DispatchOutcome } from '@airtime/contracts';
import type { CallbackTranslation } from './upstream-adapter.js';

/**
 * A callback is a hint. Nothing signs it, and a tenant can read the `provider_ref` it names from its
 * own order, so for an upstream with a status query only the query's answer (on our connection, with
 * our credentials) becomes an outcome:
 * - a claim that the transaction is still pending moves nothing and is taken as is;
 * - a final claim is checked by the query. If the query cannot answer yet, nothing moves (the order
 *   stays for the reconciler) and the upstream is asked to call again; if it contradicts the claim,
 *   the claim is refused and what the query says is what happened.
 */
export async function confirmedByQuery(
  claimed: DispatchOutcome,
  query: () => Promise<DispatchOutcome>,
  replies: { ok: CallbackTranslation['reply']; retry: CallbackTranslation['reply'] },
): Promise<CallbackTranslation> {
  if (claimed.status === 'unknown') return { outcome: claimed, reply: replies.ok };
  const about = { reference: claimed.reference, claimed: claimed.status };
  let queried: DispatchOutcome;
  try {
    queried = await query();
  } catch {
    return { reply: replies.retry, refused: { reason: 'not-confirmed-yet', ...about, queried: 'error' } };
  }
  if (queried.status === 'unknown') return { reply: replies.retry, refused: { reason: 'not-confirmed-yet', ...about, queried: queried.status } };
  if (queried.status !== claimed.status) return { outcome: queried, reply: replies.ok, refused: { reason: 'contradicted-by-query', ...about, queried: queried.status } };
  return { outcome: queried, reply: replies.ok };
}
