import { Module } from '@nestjs/common';
import { AfricasTalkingSmsController } from './africastalking-sms.controller.js';
import { SmsInbox } from './sms-inbox.js';
import { SmsInboxController } from './sms-inbox.controller.js';

@Module({ controllers: [SmsInboxController, AfricasTalkingSmsController], providers: [SmsInbox] })
export class SmsModule {}
