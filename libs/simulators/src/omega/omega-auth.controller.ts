import { Body, Controller, Get, Headers, HttpCode, Post } from '@nestjs/common';
import { toHttpException } from './omega-answer.js';
import { OmegaSimulatorService } from './omega-simulator.service.js';

/** 000 §2 and §4, under the simulator's `/omega` prefix. */
@Controller('omega/auth')
export class OmegaAuthController {
  constructor(private readonly omega: OmegaSimulatorService) {}

  @Post('pin-authentication')
  @HttpCode(200)
  authenticate(@Body() body: unknown): unknown {
    const answer = this.omega.authenticate(body);
    if (answer.status !== 200) throw toHttpException(answer);
    return answer.body;
  }

  @Get('user')
  user(@Headers('authorization') authorization?: string): unknown {
    const refused = this.omega.verify(authorization);
    if (refused) throw toHttpException(refused);
    return this.omega.currentUser().body;
  }
}
