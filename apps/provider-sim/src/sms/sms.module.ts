import { Module } from '@nestjs/common';
import { SmsInbox } from './sms-inbox.js';
import { SmsInboxController } from './sms-inbox.controller.js';

@Module({ controllers: [SmsInboxController], providers: [SmsInbox] })
export class SmsModule {}
