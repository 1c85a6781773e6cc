/**
 * Every simulator reads the last four digits of the target (phone or meter number) the same way, so a
 * test or a sandbox user can make any upstream answer any way on purpose. Documented in
 * docs/simulators.md; anything not listed succeeds.
 */
export const TEST_NUMBER_BEHAVIOURS = {
  '0001': 'reject', // the upstream's documented failure for a bad number
  '0002': 'insufficient-balance', // the upstream's documented "insufficient balance" failure
  '0003': 'timeout-then-success', // answers too late; delivered (a query finds it successful)
  '0004': 'timeout-then-failure', // answers too late; not delivered (a query finds it failed)
  '0005': 'pending-then-success', // accepted as pending; a callback later reports success
  '0006': 'pending-then-failure', // accepted as pending; a callback later reports failure
  '0007': 'server-error', // HTTP 5xx; nothing delivered
  '0008': 'garbage', // 200 with a body that is not the documented shape; delivered
} as const;

export type TestNumberBehaviour = (typeof TEST_NUMBER_BEHAVIOURS)[keyof typeof TEST_NUMBER_BEHAVIOURS] | 'success';

export function behaviourOf(target: string): TestNumberBehaviour {
  const digits = target.replace(/\D/g, '');
  return TEST_NUMBER_BEHAVIOURS[digits.slice(-4) as keyof typeof TEST_NUMBER_BEHAVIOURS] ?? 'success';
}
