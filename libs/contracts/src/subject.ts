/**
 * Every NATS subject goes through here so that a deployment (or a test run) can isolate itself with
 * NATS_SUBJECT_PREFIX. Subjects are resolved when the module is first imported, which is when Nest
 * reads its @RpcHandler decorators, so the prefix must be in the environment before start-up.
 */
export function subject(name: string): string {
  return `${process.env['NATS_SUBJECT_PREFIX'] ?? ''}${name}`;
}
