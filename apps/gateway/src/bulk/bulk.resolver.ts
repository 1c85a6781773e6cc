import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Rpc } from '@airtime/contracts';
import { PlatformError, RpcClient } from '@airtime/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { PrincipalGuard } from '../auth/principal.guard.js';
import { globalIdOf } from '../graph/global-id.js';
import { Loaders } from '../graph/graph-context.js';
import type { GraphLoaders } from '../graph/graph-loaders.js';
import { canSeeMode, graphMode } from '../graph/mode.js';
import { BatchModel } from '../orders/dtos/batch.model.js';
import { previewBulkCsv } from './bulk-preview.js';
import {
  BatchProgressModel, batchOfBulk, CancelBatchInput, CancelBatchPayload, PreviewBulkInput, PreviewBulkPayload, RunBulkInput, RunBulkPayload, BulkPreviewModel,
} from './dtos/bulk.graphql.js';

/** The dashboard's bulk sheets: the same preview, run and cancel as REST, the CSV as text in the input. */
@Resolver()
@UseGuards(PrincipalGuard)
export class BulkResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Mutation(() => PreviewBulkPayload, { description: 'POST /api/v1/bulk/preview: checks a CSV of recharges; moves no money.' })
  async previewBulk(@CurrentPrincipal() p: Principal, @Args('input') input: PreviewBulkInput): Promise<PreviewBulkPayload> {
    return { preview: BulkPreviewModel.from(await previewBulkCsv(this.rpc, p.accountId, graphMode(p, input.mode), input.csv)) };
  }

  @Mutation(() => RunBulkPayload, { description: 'POST /api/v1/bulk: runs a preview (or the CSV) as a batch, idempotent on batchReference.' })
  async runBulk(@CurrentPrincipal() p: Principal, @Args('input') input: RunBulkInput): Promise<RunBulkPayload> {
    const mode = graphMode(p, input.mode);
    if ((input.previewId === undefined || input.previewId === null) === (input.csv === undefined || input.csv === null)) {
      throw new PlatformError('VALIDATION_FAILED', 'Validation failed', { fields: { previewId: ['give either previewId or csv'] } });
    }
    const previewId = input.previewId ?? (await previewBulkCsv(this.rpc, p.accountId, mode, input.csv as string)).preview_id;
    const batch = await this.rpc.request(Rpc.orders.runBulk, { account_id: p.accountId, mode, preview_id: previewId, batch_reference: input.batchReference });
    return { batch: batchOfBulk(batch) };
  }

  @Mutation(() => CancelBatchPayload, { description: 'POST /api/v1/bulk/{id}/cancel: rows not yet dispatched are skipped.' })
  async cancelBatch(@CurrentPrincipal() p: Principal, @Args('input') input: CancelBatchInput): Promise<CancelBatchPayload> {
    const [mode = '', id = ''] = globalIdOf('Batch', input.id);
    if ((mode !== 'live' && mode !== 'test') || !canSeeMode(p, mode)) throw new PlatformError('NOT_FOUND', 'No such bulk batch');
    return { batch: batchOfBulk(await this.rpc.request(Rpc.orders.cancelBulk, { account_id: p.accountId, mode, batch_id: id })) };
  }
}

@Resolver(() => BatchModel)
export class BatchProgressResolver {
  /** Batched per request: a page of batches with their progress is one lookup. */
  @ResolveField(() => BatchProgressModel, { nullable: true, description: "A CSV batch's progress (null for 000's batch recharges)" })
  async progress(@Parent() batch: BatchModel, @CurrentPrincipal() p: Principal, @Loaders() loaders: GraphLoaders): Promise<BatchProgressModel | null> {
    if (!canSeeMode(p, batch.mode)) return null;
    const found = await loaders.bulkBatches(p.accountId, batch.mode).load(batch.databaseId);
    return found ? BatchProgressModel.from(found) : null;
  }
}
