import { UseGuards } from '@nestjs/common';
import { Args, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { type ListSmsRequest, Rpc } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { OperatorGuard } from '../auth/operator.guard.js';

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

/** Operators see outgoing SMS and their failures (never their text). */
@Resolver()
@UseGuards(OperatorGuard)
export class SmsAdminResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => [SmsMessageModel])
  async smsMessages(
    @Args('status', { nullable: true }) status?: string,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
    @Args('mode', { nullable: true }) mode?: string,
  ): Promise<SmsMessageModel[]> {
    const messages = await this.rpc.request(Rpc.notifications.listSms, {
      // Passed on as given: notifications validates them against ListSmsRequest and names a bad one.
      ...(status ? { status: status as ListSmsRequest['status'] } : {}),
      ...(limit ? { limit } : {}),
      ...(mode ? { mode: mode as ListSmsRequest['mode'] } : {}),
    });
    return messages.map((m) => Object.assign(new SmsMessageModel(), {
      id: m.id, purpose: m.purpose, mode: m.mode, recipient: m.recipient, status: m.status, attemptCount: m.attempt_count,
      lastError: m.last_error, createdAt: m.created_at, sentAt: m.sent_at,
    }));
  }
}
