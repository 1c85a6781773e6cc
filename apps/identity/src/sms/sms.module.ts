import { Module } from '@nestjs/common';
import { SmsSender } from './sms.sender.js';

@Module({ providers: [SmsSender], exports: [SmsSender] })
export class SmsModule {}
