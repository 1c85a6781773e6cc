import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import jwt from 'jsonwebtoken';
import { randomUUID } from 'node:crypto';
import { formatE164, normalizePhone } from '@airtime/phone';
import {
  type AuthenticatedSessionView,
  type AuthenticateWithPinRequest,
  type UserTokenClaims,
  type UserView,
  USER_TOKEN_ALGORITHM,
  USER_TOKEN_AUDIENCE,
  USER_TOKEN_ISSUER,
} from '@airtime/contracts';
import { PlatformError } from '@airtime/platform';
import { IdentityConfig } from '../config/identity.config.js';
import { UserEntity } from '../accounts/user.entity.js';
import { pinMessage } from '../sms/pin-message.js';
import { AccountEntity } from '../accounts/account.entity.js';
import { SmsSender } from '../sms/sms.sender.js';
import { generatePin, hashPin, verifyPin } from './pin.js';

@Injectable()
export class AuthService implements OnModuleInit {
  /** Verified against when the phone is unknown, so both answers take an argon2 verification's time. */
  private decoyHash = '';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: IdentityConfig,
    private readonly sms: SmsSender,
  ) {}

  async onModuleInit() {
    this.decoyHash = await hashPin(generatePin(this.config.PIN_LENGTH));
  }

  async authenticate(request: AuthenticateWithPinRequest): Promise<AuthenticatedSessionView> {
    const phone = normalizePhone(request.phone) as string;
    await this.refuseWhileLocked(phone);

    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ phone });
    const valid = user ? await verifyPin(user.pin_hash, request.pin) : await verifyPin(this.decoyHash, request.pin) && false;
    if (!user || !valid) {
      await this.recordFailure(phone);
      throw new PlatformError('INVALID_CREDENTIALS', 'Invalid credentials');
    }
    await this.dataSource.query('DELETE FROM pin_attempts WHERE phone = $1', [phone]);
    return this.issueToken(user);
  }

  /** 000: a new PIN by SMS, and 422 "User not found" for a phone nobody registered. */
  async resetPin(phoneInput: string): Promise<void> {
    const phone = normalizePhone(phoneInput) as string;
    const users = this.dataSource.getRepository(UserEntity);
    const user = await users.findOneBy({ phone });
    if (!user) throw new PlatformError('USER_NOT_FOUND', 'User not found');
    const pin = generatePin(this.config.PIN_LENGTH);
    await users.update({ id: user.id }, { pin_hash: await hashPin(pin), pin_changed_at: new Date() });
    const account = await this.dataSource.getRepository(AccountEntity).findOneByOrFail({ id: user.account_id });
    await this.sms.send(phone, pinMessage(pin, account.name));
  }

  async getUser(userId: string, accountId: string): Promise<UserView> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId, account_id: accountId });
    if (!user) throw new PlatformError('UNAUTHENTICATED', 'User no longer exists');
    return {
      id: user.id,
      email: user.email,
      phone: formatE164(user.phone),
      account_id: user.account_id,
      first_name: user.first_name,
      last_name: user.last_name,
    };
  }

  private async refuseWhileLocked(phone: string): Promise<void> {
    const [row] = (await this.dataSource.query(
      `SELECT ceil(extract(epoch FROM locked_until - now()))::int AS seconds
         FROM pin_attempts WHERE phone = $1 AND locked_until > now()`,
      [phone],
    )) as { seconds: number }[];
    if (row) throw this.lockedError(row.seconds);
  }

  /**
   * Counts a failure and locks the phone once the limit is reached, in one statement: concurrent
   * guesses queue on the row, so a burst cannot slip past the limit. An expired lock starts afresh.
   */
  private async recordFailure(phone: string): Promise<void> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO pin_attempts AS a (phone, failures, locked_until, updated_at)
            VALUES ($1, 1, CASE WHEN $2 <= 1 THEN now() + make_interval(secs => $3) END, now())
       ON CONFLICT (phone) DO UPDATE SET
            failures = CASE WHEN a.locked_until <= now() THEN 1 ELSE a.failures + 1 END,
            locked_until = CASE
              WHEN a.locked_until > now() THEN a.locked_until
              WHEN (CASE WHEN a.locked_until <= now() THEN 1 ELSE a.failures + 1 END) >= $2
                THEN now() + make_interval(secs => $3)
            END,
            updated_at = now()
       RETURNING ceil(extract(epoch FROM a.locked_until - now()))::int AS locked_seconds`,
      [phone, this.config.PIN_MAX_ATTEMPTS, this.config.PIN_LOCK_SECONDS],
    )) as { locked_seconds: number | null }[];
    if (row?.locked_seconds && row.locked_seconds > 0) throw this.lockedError(row.locked_seconds);
  }

  private lockedError(seconds: number): PlatformError {
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    return new PlatformError(
      'PIN_LOCKED',
      `Too many failed PIN attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      undefined,
      seconds,
    );
  }

  private issueToken(user: UserEntity): AuthenticatedSessionView {
    const claims: UserTokenClaims = { sub: user.id, acc: user.account_id, ...(this.config.operatorPhones().has(user.phone) ? { op: true as const } : {}) };
    const expiresAt = new Date(Date.now() + this.config.JWT_TTL_SECONDS * 1000);
    const token = jwt.sign(claims, this.config.jwtSecret(), {
      algorithm: USER_TOKEN_ALGORITHM,
      expiresIn: this.config.JWT_TTL_SECONDS,
      issuer: USER_TOKEN_ISSUER,
      audience: USER_TOKEN_AUDIENCE,
      jwtid: randomUUID(),
    });
    // The token's exp is in whole seconds; report the same instant.
    const exp = (jwt.decode(token) as { exp: number }).exp;
    return { token, expires_at: new Date(Math.min(expiresAt.getTime(), exp * 1000)).toISOString().replace('.000Z', 'Z') };
  }
}
