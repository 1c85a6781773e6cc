import type { DispatchOutcome, DispatchRequest } from '@airtime/contracts';
import { DispatchService } from './dispatch.service.js';
import { outcome } from './outcomes.js';
import { RechargeConfig } from './recharge.config.js';
import type { SentDispatches } from './sent-dispatches.js';
import type { UpstreamAdapter } from './upstream-adapter.js';

/** A stand-in upstream whose answers the test scripts; the circuit breaker is what is under test. */
class ScriptedAdapter implements UpstreamAdapter {
  readonly id = 'omega' as const;
  readonly resolvesUnknownBy = 'scripted';
  calls = 0;
  constructor(private readonly answer: (r: DispatchRequest) => DispatchOutcome) {}
  async send(r: DispatchRequest) {
    this.calls++;
    return this.answer(r);
  }
  async query() {
    return outcome.unknown('x', 'scripted');
  }
}

const noRecords = { recordSending: async () => undefined, recordOutcome: async () => undefined, find: async () => null } as unknown as SentDispatches;
const config = Object.assign(new RechargeConfig(), { CIRCUIT_FAILURE_THRESHOLD: 3, CIRCUIT_COOLDOWN_SECONDS: 60 });
const request = (n: number, mode: DispatchRequest['mode'] = 'live'): DispatchRequest => ({
  reference: `r${n}`, upstream: 'omega', mode, kind: 'airtime', country: 'ZW', network: 'econet', target: '263772279099', currency: 'USD', amount_minor: '100',
});

describe('dispatching behind a circuit breaker', () => {
  it('stops calling an upstream that keeps answering unknown, and fails its orders at once (nothing sent)', async () => {
    const adapter = new ScriptedAdapter((r) => outcome.unknown(r.reference, 'timed out'));
    const service = new DispatchService([adapter], config, noRecords);
    for (let i = 0; i < 3; i++) expect((await service.send(request(i))).status).toBe('unknown');
    expect(service.circuitState('omega', 'live')).toBe('open');
    const refused = await service.send(request(9));
    expect(refused).toMatchObject({ status: 'failed', error_code: 'UPSTREAM_UNAVAILABLE' });
    expect(adapter.calls).toBe(3);
  });

  it('keeps sandbox and live apart: five sandbox 5xx do not open the circuit live orders use', async () => {
    const fiveBreaker = Object.assign(new RechargeConfig(), { CIRCUIT_FAILURE_THRESHOLD: 5, CIRCUIT_COOLDOWN_SECONDS: 60 });
    // The simulator's 5xx test number, as a tenant with an atk_test_ key would send it; live numbers deliver.
    const adapter = new ScriptedAdapter((r) => (r.mode === 'test' ? outcome.unknown(r.reference, 'HTTP 500', null, '500') : outcome.success(r.reference, 'p1')));
    const service = new DispatchService([adapter], fiveBreaker, noRecords);
    for (let i = 0; i < 5; i++) expect((await service.send(request(i, 'test'))).status).toBe('unknown');
    expect(service.circuitState('omega', 'test')).toBe('open');
    expect(await service.send(request(6, 'test'))).toMatchObject({ status: 'failed', error_code: 'UPSTREAM_UNAVAILABLE' });
    expect(service.circuitState('omega', 'live')).toBe('closed');
    const callsBefore = adapter.calls;
    expect(await service.send(request(7, 'live'))).toMatchObject({ status: 'success' });
    expect(adapter.calls).toBe(callsBefore + 1);
  });

  it('does not count pending answers or certain failures against the upstream', async () => {
    let n = 0;
    const adapter = new ScriptedAdapter((r) => (n++ % 2 ? outcome.pending(r.reference, 'id', 'queued') : outcome.failed(r.reference, 'INVALID_TARGET', '400', 'bad number')));
    const service = new DispatchService([adapter], config, noRecords);
    for (let i = 0; i < 10; i++) await service.send(request(i));
    expect(service.circuitState('omega', 'live')).toBe('closed');
    expect(adapter.calls).toBe(10);
  });

  it('turns an adapter that throws into unknown, never failed', async () => {
    const service = new DispatchService([new ScriptedAdapter(() => { throw new Error('boom'); })], config, noRecords);
    expect((await service.send(request(1))).status).toBe('unknown');
  });

  it('fails at once for an upstream it has no adapter for', async () => {
    const service = new DispatchService([], config, noRecords);
    expect(await service.send(request(1))).toMatchObject({ status: 'failed', error_code: 'UPSTREAM_NOT_CONFIGURED' });
  });
});
