import { Controller, Get, HttpException, Param } from '@nestjs/common';
import { AfricasTalkingSimulatorService, type AtRecipient } from './africastalking-simulator.service.js';

/**
 * Simulator-only, served outside production (AfricasTalkingSimulatorModule.register): what became of
 * the send made under an idempotency key, a test's independent record of delivery (`Success`).
 */
@Controller('africastalking/sim')
export class AfricasTalkingSimControlsController {
  constructor(private readonly at: AfricasTalkingSimulatorService) {}

  @Get('sends/:key')
  send(@Param('key') key: string): AtRecipient {
    const recipient = this.at.sendOf(key)?.responses[0];
    if (!recipient) throw new HttpException({ message: `No send under ${key.slice(0, 64)}` }, 404);
    return recipient;
  }
}
