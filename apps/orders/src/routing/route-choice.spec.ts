import type { RouteEntryView, UpstreamId } from '@airtime/contracts';
import { rankRoute } from './route-choice.js';

const entry = (upstream: UpstreamId, priority: number, extra: Partial<RouteEntryView> = {}): RouteEntryView => ({
  upstream, priority, weight: 1, cost_bps: null, cost_currency: null, test_mode: true, ...extra,
});

describe('the order in which a route is tried', () => {
  it('goes by priority, then the cheapest within a priority', () => {
    const route = [entry('africastalking', 20), entry('tuti', 10, { cost_bps: 9900 }), entry('estoresms', 10, { cost_bps: 9700 })];
    expect(rankRoute(route, { mode: 'live', drained: new Set() })).toEqual(['estoresms', 'tuti', 'africastalking']);
  });

  it('leaves out drained upstreams (in the order\'s mode only), those already tried, and for test orders those closed to test mode', () => {
    const route = [entry('estoresms', 10), entry('africastalking', 20, { test_mode: false }), entry('omega', 30)];
    expect(rankRoute(route, { mode: 'live', drained: new Set(['estoresms:live']) })).toEqual(['africastalking', 'omega']);
    expect(rankRoute(route, { mode: 'test', drained: new Set(['estoresms:live']) })).toEqual(['estoresms', 'omega']);
    expect(rankRoute(route, { mode: 'live', drained: new Set(), attempted: new Set(['estoresms']) })).toEqual(['africastalking', 'omega']);
    expect(rankRoute(route, { mode: 'test', drained: new Set(['estoresms:test', 'omega:test']) })).toEqual([]);
  });

  it('shares first attempts among equal entries by weight', () => {
    const route = [entry('estoresms', 10, { weight: 3 }), entry('africastalking', 10, { weight: 1 })];
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let estoresmsFirst = 0;
    for (let i = 0; i < 4000; i++) if (rankRoute(route, { mode: 'live', drained: new Set(), random })[0] === 'estoresms') estoresmsFirst++;
    expect(estoresmsFirst / 4000).toBeGreaterThan(0.7);
    expect(estoresmsFirst / 4000).toBeLessThan(0.8);
  });
});
