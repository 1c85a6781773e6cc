import { Module } from '@nestjs/common';
import { SmsModule } from '../sms/sms.module.js';
import { AccountsController } from './accounts.controller.js';
import { AccountsService } from './accounts.service.js';

@Module({
  imports: [SmsModule],
  controllers: [AccountsController],
  providers: [AccountsService],
})
export class AccountsModule {}
