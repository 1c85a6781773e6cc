import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { Rpc, type RpcDef, type TransferView } from '@airtime/contracts';
import type { PlatformError } from '@airtime/platform';
import { ledgerViolations } from '../testing/ledger-invariants.js';
import { type RunningWallet, startWalletService } from '../testing/start-wallet-service.js';

let wallet: RunningWallet;
beforeAll(async () => {
  wallet = await startWalletService();
});
afterAll(() => wallet.stop());

type Command =
  | { op: 'credit'; amount: number }
  | { op: 'debit'; amount: number }
  | { op: 'refund'; of: number; partial: boolean }
  | { op: 'replay'; of: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ op: fc.constant('credit' as const), amount: fc.integer({ min: 1, max: 500 }) }),
  fc.record({ op: fc.constant('debit' as const), amount: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ op: fc.constant('refund' as const), of: fc.nat(), partial: fc.boolean() }),
  fc.record({ op: fc.constant('replay' as const), of: fc.nat() }),
);

/**
 * Random sequences of credits, debits, refunds and replays, some of them run concurrently, against
 * the real service; after every step the balance matches a simple model and design.md's invariants
 * hold in the tables.
 */
describe('ledger invariants under random interleavings', () => {
  // 25 runs of up to 32 operations on real PostgreSQL: about 4 s on a quiet machine, and a timeout that
  // cut it short would leave its queries running and the test process waiting on them.
  it('hold after every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(command, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }), async (steps) => {
        const account = randomUUID();
        const sent: { def: RpcDef<object, TransferView>; payload: Record<string, unknown> }[] = [];
        const debits: { key: string; amount: bigint; refunded: boolean }[] = [];
        const applied = new Set<string>();
        let model = 0n;

        const build = (c: Command): { def: RpcDef<object, TransferView>; payload: Record<string, unknown> } | undefined => {
          const base = { account_id: account, mode: 'live', currency: 'USD' };
          switch (c.op) {
            case 'credit':
              return { def: Rpc.wallet.credit, payload: { ...base, idempotency_key: randomUUID(), amount_minor: String(c.amount), kind: 'topup', source: 'pesepay' } };
            case 'debit':
              return { def: Rpc.wallet.debit, payload: { ...base, idempotency_key: randomUUID(), amount_minor: String(c.amount) } };
            case 'refund': {
              const target = debits[c.of % Math.max(debits.length, 1)];
              if (!target) return undefined;
              const amount = c.partial && target.amount > 1n ? target.amount / 2n : target.amount;
              return { def: Rpc.wallet.refund, payload: { account_id: account, idempotency_key: randomUUID(), debit_key: target.key, amount_minor: String(amount) } };
            }
            case 'replay':
              return sent.length ? sent[c.of % sent.length] : undefined;
          }
        };

        for (const batch of steps) {
          const requests = batch.map(build).filter((r): r is NonNullable<typeof r> => r !== undefined);
          const results = await Promise.all(
            requests.map((r) =>
              wallet.rpc.request(r.def, r.payload).then((t) => ({ r, t }), (e: PlatformError) => ({ r, e })),
            ),
          );
          for (const result of results) {
            if (!sent.includes(result.r)) sent.push(result.r);
            if (!('t' in result)) {
              expect(['INSUFFICIENT_FUNDS', 'WALLET_NOT_FOUND', 'ALREADY_REFUNDED']).toContain(result.e.code);
              continue;
            }
            // A replay returns a transfer already counted; only a new one moves the model.
            if (applied.has(result.t.id)) continue;
            applied.add(result.t.id);
            const amount = BigInt(result.t.amount_minor);
            if (result.t.kind === 'debit') {
              debits.push({ key: result.t.idempotency_key, amount, refunded: false });
              model -= amount;
            } else {
              if (result.t.kind === 'refund') {
                const refunded = debits.find((d) => d.key === result.r.payload['debit_key']);
                expect(refunded?.refunded).toBe(false);
                if (refunded) refunded.refunded = true;
              }
              model += amount;
            }
          }
          const wallets = await wallet.rpc.request(Rpc.wallet.wallets, { account_id: account, mode: 'live' });
          expect(BigInt(wallets[0]?.balance_minor ?? '0')).toBe(model);
          expect(model >= 0n).toBe(true);
          expect(await ledgerViolations(wallet.db)).toEqual([]);
        }

      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
