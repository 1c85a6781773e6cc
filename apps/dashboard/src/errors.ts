import type { CombinedError } from 'urql';

/** What to tell the user about a failed operation: the gateway's own message where it gave one. */
export function errorMessage(error: CombinedError | undefined): string | null {
  if (!error) return null;
  const first = error.graphQLErrors[0];
  if (first) return first.message;
  return error.networkError ? 'The dashboard cannot reach the platform. Check your connection and try again.' : error.message;
}
