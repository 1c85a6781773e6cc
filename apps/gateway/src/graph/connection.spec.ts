import 'reflect-metadata';
import { connectionOfList, pageRequestOf } from './connection.js';
import { parseGlobalId, toGlobalId } from './global-id.js';

const items = ['a', 'b', 'c', 'd', 'e'];
const page = (args: Parameters<typeof connectionOfList>[2]) => {
  const connection = connectionOfList(items, (item) => item, args);
  return { nodes: connection.edges.map((e) => e.node), ...connection.pageInfo };
};

describe('connections over a list the gateway holds whole', () => {
  it('pages forwards to the end and back again over the same items', () => {
    expect(page({ first: 2 })).toEqual({ nodes: ['a', 'b'], hasNextPage: true, hasPreviousPage: false, startCursor: 'a', endCursor: 'b' });
    expect(page({ first: 2, after: 'b' })).toMatchObject({ nodes: ['c', 'd'], hasNextPage: true, hasPreviousPage: true });
    expect(page({ first: 2, after: 'd' })).toMatchObject({ nodes: ['e'], hasNextPage: false, hasPreviousPage: true });
    expect(page({ last: 2, before: 'e' })).toMatchObject({ nodes: ['c', 'd'], hasNextPage: true, hasPreviousPage: true });
    expect(page({ last: 2, before: 'c' })).toMatchObject({ nodes: ['a', 'b'], hasPreviousPage: false });
    expect(page({ last: 2 })).toMatchObject({ nodes: ['d', 'e'], hasNextPage: false, hasPreviousPage: true });
  });

  it('gives a first page of the default size without arguments, and nothing after a cursor it never gave', () => {
    expect(page({}).nodes).toEqual(items);
    expect(page({ after: 'zz' }).nodes).toEqual([]);
  });

  it('refuses first and last together', () => {
    expect(() => page({ first: 1, last: 1 })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

describe("a service's page request", () => {
  it('reads forwards with first/after and backwards with last/before', () => {
    expect(pageRequestOf({})).toEqual({ limit: 20 });
    expect(pageRequestOf({ first: 5, after: '10' })).toEqual({ after: '10', limit: 5 });
    expect(pageRequestOf({ last: 5, before: '10' })).toEqual({ before: '10', limit: 5 });
  });

  it('refuses a direction it would have to guess', () => {
    for (const args of [{ first: 1, last: 1 }, { last: 3 }, { first: 2, before: '9' }, { last: 2, before: '9', after: '1' }]) {
      expect(() => pageRequestOf(args)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    }
  });
});

describe('global ids', () => {
  it('round-trips a type and its parts, and names nothing for what it never gave out', () => {
    const id = toGlobalId('Order', 'live', '6f1c3b5e-0000-4000-8000-000000000001');
    expect(parseGlobalId(id)).toEqual({ type: 'Order', parts: ['live', '6f1c3b5e-0000-4000-8000-000000000001'] });
    for (const bad of ['', 'not base64!', toGlobalId('Order', 'live'), Buffer.from('Secret:1').toString('base64url'), Buffer.from('__proto__:1').toString('base64url')]) {
      expect(parseGlobalId(bad)).toBeUndefined();
    }
  });
});
