import { Field, ObjectType } from '@nestjs/graphql';
import type { LedgerPageView } from '@airtime/contracts';
import { LedgerEntryModel } from './ledger-entry.model.js';

@ObjectType('LedgerEdge')
export class LedgerEdgeModel {
  @Field() cursor: string;
  @Field(() => LedgerEntryModel) node: LedgerEntryModel;
}

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

/** A Relay-style page of the ledger, newest first. */
@ObjectType('LedgerConnection')
export class LedgerConnectionModel {
  @Field(() => [LedgerEdgeModel]) edges: LedgerEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;

  static from(page: LedgerPageView): LedgerConnectionModel {
    return Object.assign(new LedgerConnectionModel(), {
      edges: page.entries.map((entry) => ({ cursor: entry.id, node: LedgerEntryModel.from(entry) })),
      pageInfo: { hasNextPage: page.next_cursor !== null, endCursor: page.next_cursor },
    });
  }
}
