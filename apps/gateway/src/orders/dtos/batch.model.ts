import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { BatchView } from '@airtime/contracts';
import { toGlobalId } from '../../graph/global-id.js';
import { ModeEnum } from '../../graph/mode.js';
import { NodeModel } from '../../graph/node.model.js';

@ObjectType('BatchCount')
export class BatchCountModel {
  @Field() status: string;
  @Field(() => Int) count: number;
}

/** Many orders made at once (000's batch recharge); each order stays idempotent on its own reference. */
@ObjectType('Batch', { implements: () => [NodeModel] })
export class BatchModel implements NodeModel {
  @Field(() => ID) id: string;
  @Field() databaseId: string;
  @Field(() => ModeEnum) mode: ModeEnum;
  @Field({ description: 'processing or completed' }) status: string;
  @Field(() => Int) totalCount: number;
  @Field(() => [BatchCountModel], { description: "The batch's orders counted by status" }) counts: BatchCountModel[];
  @Field() createdAt: string;

  static globalId(mode: string, batchId: string): string {
    return toGlobalId('Batch', mode, batchId);
  }

  static from(v: BatchView): BatchModel {
    return Object.assign(new BatchModel(), {
      id: BatchModel.globalId(v.mode, v.batch_id), databaseId: v.batch_id, mode: v.mode as ModeEnum, status: v.status, totalCount: v.total_count,
      counts: Object.entries(v.counts).map(([status, count]) => ({ status, count })), createdAt: v.created_at,
    });
  }
}
