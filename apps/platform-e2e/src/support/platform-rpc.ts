import type { RpcDef } from '@airtime/contracts';
import { e2eState } from './e2e-state.js';

/**
 * A subject's definition addressed to the platform under test, which runs under its own subject prefix
 * rather than this test file's: same request and answer types, the platform's subject.
 */
export function onPlatform<Req, Res>(def: RpcDef<Req, Res>, platformPrefix = e2eState().subjectPrefix): RpcDef<Req, Res> {
  const own = process.env['NATS_SUBJECT_PREFIX'] ?? '';
  return { ...def, subject: `${platformPrefix}${def.subject.slice(own.length)}` };
}
