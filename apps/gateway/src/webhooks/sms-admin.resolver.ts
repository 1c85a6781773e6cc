import { UseGuards } from '@nestjs/common';
import { Args, ArgsType, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { PickType } from '@nestjs/mapped-types';
import { ListSmsRequest, Rpc } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { OperatorGuard } from '../auth/operator.guard.js';
import { type Connection, CONNECTION_COMPLEXITY, connectionOfList, ConnectionType, ModeScoped, Paged } from '../graph/connection.js';

/** How much of the SMS log an operator's list holds: recent failures, not an archive. */
const MAX_SMS_LISTED = 500;

@ObjectType('SmsMessage')
export class SmsMessageModel {
  @Field(() => ID) id: string;
  @Field() purpose: string;
  @Field({ description: 'test: sent only through the SMS sandbox' }) mode: string;
  @Field() recipient: string;
  @Field() status: string;
  @Field(() => Int) attemptCount: number;
  @Field(() => String, { nullable: true }) lastError: string | null;
  @Field() createdAt: string;
  @Field(() => String, { nullable: true }) sentAt: string | null;
}

const SmsMessageConnection = ConnectionType(SmsMessageModel, 'SmsMessage');

@ArgsType()
class SmsFilter extends PickType(ListSmsRequest, ['status'] as const) {
  @Field(() => String, { nullable: true, description: 'pending, sent or failed' }) override status?: ListSmsRequest['status'];
}

@ArgsType()
class SmsMessagesArgs extends ModeScoped(Paged(SmsFilter)) {}

/** Operators see outgoing SMS and their failures (never their text). */
@Resolver()
@UseGuards(OperatorGuard)
export class SmsAdminResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => SmsMessageConnection, { ...CONNECTION_COMPLEXITY, description: 'Newest first, the latest few hundred.' })
  async smsMessages(
    @Args() args: SmsMessagesArgs,
  ): Promise<Connection<SmsMessageModel>> {
    const { status, mode } = args;
    const messages = await this.rpc.request(Rpc.notifications.listSms, {
      // Passed on as given: notifications validates it against ListSmsRequest and names a bad one.
      ...(status ? { status: status as ListSmsRequest['status'] } : {}),
      limit: MAX_SMS_LISTED,
      ...(mode ? { mode } : {}),
    });
    const models = messages.map((m) => Object.assign(new SmsMessageModel(), {
      id: m.id, purpose: m.purpose, mode: m.mode, recipient: m.recipient, status: m.status, attemptCount: m.attempt_count,
      lastError: m.last_error, createdAt: m.created_at, sentAt: m.sent_at,
    }));
    return connectionOfList(models, (m) => m.id, args);
  }
}
