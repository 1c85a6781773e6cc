import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { toHttpException } from './omega-answer.js';
import { OmegaSimulatorService, type OmegaTransactionView } from './omega-simulator.service.js';

/** 000 §5, single airtime recharge, under the simulator's `/omega` prefix. */
@Controller('omega/api/v1/recharges')
export class OmegaRechargesController {
  constructor(private readonly omega: OmegaSimulatorService) {}

  @Post('airtime')
  @HttpCode(200)
  async airtime(
    @Body() body: unknown,
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const refused = this.omega.verify(authorization);
    if (refused) throw toHttpException(refused);
    // 000: "Monitor response headers for rate limit information".
    const throttle = this.omega.throttle();
    for (const [name, value] of Object.entries(throttle.headers)) response.setHeader(name, value);
    if (throttle.refused) throw toHttpException(throttle.refused);
    const answer = await this.omega.recharge(body);
    if (answer.status !== 200) throw toHttpException(answer);
    return answer.body;
  }
}

/** For tests and people: what the simulated Omega did. Not part of Omega's API. */
@Controller('omega/sim')
export class OmegaSimController {
  constructor(private readonly omega: OmegaSimulatorService) {}

  /** Recharges received, newest first, optionally for one reference. */
  @Get('recharges')
  recharges(@Query('reference') reference?: string): OmegaTransactionView[] {
    return this.omega.list(typeof reference === 'string' && reference !== '' ? reference : undefined);
  }

  @Get('stats')
  stats(): { authentications: number; transactions: number } {
    return this.omega.stats();
  }

  /** Invalidates every token issued so far: the next recharge with one is answered 401. */
  @Post('tokens/revoke')
  @HttpCode(204)
  revokeTokens(): void {
    this.omega.revokeTokens();
  }
}
