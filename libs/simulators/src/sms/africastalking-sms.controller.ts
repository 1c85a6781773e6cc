import { Body, Controller, Headers, HttpCode, HttpException, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { randomBytes } from 'node:crypto';
import { SmsInbox } from './sms-inbox.js';

const API_KEY = () => process.env['SIM_AFRICASTALKING_SMS_API_KEY'] ?? 'sim-at-sms-api-key';

/**
 * Africa's Talking's SMS API (POST /version1/messaging with `apiKey` and `username`; `to` is a
 * comma-separated list; the answer is SMSMessageData with one entry per recipient). Every message
 * lands in the simulator's SMS inbox. A recipient ending in 0007 gets AT's "failed" status, so
 * retries can be tested. The same API under africastalking-sandbox/ stands for AT's sandbox host;
 * its messages are marked channel 'sandbox', so tests can tell where a message went.
 */
@Controller(['africastalking/version1/messaging', 'africastalking-sandbox/version1/messaging'])
export class AfricasTalkingSmsController {
  constructor(private readonly inbox: SmsInbox) {}

  @Post()
  @HttpCode(201)
  send(@Headers('apikey') apiKey: string | undefined, @Body() body: Record<string, unknown>, @Req() req: Request) {
    const channel = req.path.includes('africastalking-sandbox/') ? 'sandbox' : 'live';
    if (apiKey !== API_KEY()) throw new HttpException('The supplied authentication is invalid', 401);
    const to = String(body['to'] ?? '').split(',').map((n) => n.trim()).filter(Boolean);
    const message = String(body['message'] ?? '');
    if (!body['username'] || to.length === 0 || !message) throw new HttpException('username, to and message are required', 400);
    const recipients = to.map((number) => {
      if (number.replace(/\D/g, '').endsWith('0007')) {
        return { statusCode: 500, number, status: 'InternalServerError', cost: '0', messageId: 'None' };
      }
      this.inbox.receive(number, message, String(body['from'] ?? 'AFRICASTKNG'), channel);
      return { statusCode: 101, number, status: 'Success', cost: 'KES 0.8000', messageId: `ATXid_${randomBytes(16).toString('hex')}` };
    });
    const sent = recipients.filter((r) => r.statusCode === 101).length;
    return { SMSMessageData: { Message: `Sent to ${sent}/${recipients.length} Total Cost: KES ${(0.8 * sent).toFixed(4)}`, Recipients: recipients } };
  }
}
