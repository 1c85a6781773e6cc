import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import jwt from 'jsonwebtoken';
import { randomUUID } from 'node:crypto';
import { verify as verifyTotp } from 'otplib';
import { formatE164, normalizePhone } from '@airtime/phone';
import {
  type AuthenticatedSessionView,
  Broadcasts,
  type AuthenticateWithPinRequest,
  type SessionView,
  type UserTokenClaims,
  type UserView,
  type VerifySessionRequest,
  USER_TOKEN_ALGORITHM,
  USER_TOKEN_AUDIENCE,
  USER_TOKEN_ISSUER,
} from '@airtime/contracts';
import { PlatformError } from '@airtime/platform';
import { IdentityConfig } from '../config/identity.config.js';
import { UserEntity } from '../accounts/user.entity.js';
import { Broadcaster } from '../broadcasts/broadcaster.js';
import { pinMessage } from '../sms/pin-message.js';
import { SmsSender } from '../sms/sms.sender.js';
import { generatePin, hashPin, verifyPin } from './pin.js';
import { invalidCredentials, pinLocked, sessionEnded, userGone, userNotFound } from './auth.exceptions.js';

/** Tables that count attempts per phone: PIN attempts, and operators' TOTP codes apart. */
type AttemptTable = 'pin_attempts' | 'operator_totp';

interface Reservation {
  /** This attempt's number since the last success or expired lock; over the limit means refused. */
  failures: number;
  lockedSeconds: number | null;
}

/** A code is accepted from the previous, current or next 30-second step (clock drift), once. */
const TOTP_TOLERANCE_SECONDS = 30;

@Injectable()
export class AuthService implements OnModuleInit {
  /** Verified against when the phone is unknown, so both answers take an argon2 verification's time. */
  private decoyHash = '';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: IdentityConfig,
    private readonly sms: SmsSender,
    private readonly broadcaster: Broadcaster,
  ) {}

  async onModuleInit() {
    this.decoyHash = await hashPin(generatePin(this.config.PIN_LENGTH));
  }

  /**
   * The attempt is counted before the PIN is verified, so concurrent guesses cannot all be verified
   * before any of them is counted; only a full success (PIN, and the code when one is given) clears.
   */
  async authenticate(request: AuthenticateWithPinRequest): Promise<AuthenticatedSessionView> {
    const phone = normalizePhone(request.phone) as string;
    const attempt = await this.reserve('pin_attempts', phone);
    if (attempt.failures > this.config.PIN_MAX_ATTEMPTS) throw pinLocked(attempt.lockedSeconds ?? this.config.PIN_LOCK_SECONDS);

    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ phone });
    const valid = user ? await verifyPin(user.pin_hash, request.pin) : await verifyPin(this.decoyHash, request.pin) && false;
    if (!user || !valid) throw this.failure(attempt);

    const operator = request.otp !== undefined && (await this.secondFactorHolds(phone, request.otp));
    if (request.otp !== undefined && !operator) throw this.failure(attempt);

    await this.dataSource.query('DELETE FROM pin_attempts WHERE phone = $1', [phone]);
    return this.issueToken(user, operator);
  }

  /** 000: a new PIN by SMS, and 422 "User not found" for a phone nobody registered. */
  async resetPin(phoneInput: string): Promise<void> {
    const phone = normalizePhone(phoneInput) as string;
    const users = this.dataSource.getRepository(UserEntity);
    const user = await users.findOneBy({ phone });
    if (!user) throw userNotFound();
    const pin = generatePin(this.config.PIN_LENGTH);
    await users.update({ id: user.id }, { pin_hash: await hashPin(pin), pin_changed_at: new Date() });
    // Committed: every gateway forgets the sessions it confirmed for this user.
    await this.broadcaster.publish(Broadcasts.identity.userPinChanged, { user_id: user.id, account_id: user.account_id });
    await this.sms.send(phone, pinMessage(pin));
  }

  /**
   * Whether a token identity signed still stands: the user exists and has not changed PIN since, and
   * operator rights are re-read now (a phone removed from OPERATOR_PHONES loses them at once).
   */
  async verifySession(request: VerifySessionRequest): Promise<SessionView> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: request.user_id, account_id: request.account_id });
    if (!user || user.pin_changed_at.getTime() !== request.pin_version) throw sessionEnded();
    return { operator: request.operator && this.isOperator(user.phone) };
  }

  async getUser(userId: string, accountId: string): Promise<UserView> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId, account_id: accountId });
    if (!user) throw userGone();
    return {
      id: user.id,
      email: user.email,
      phone: formatE164(user.phone),
      account_id: user.account_id,
      first_name: user.first_name,
      last_name: user.last_name,
    };
  }

  private isOperator(phone: string): boolean {
    return this.config.operatorPhones().has(phone) && this.config.operatorTotpSecrets().has(phone);
  }

  /**
   * An operator's code: counted like a PIN attempt (so knowing the PIN does not allow unlimited code
   * guesses), and accepted only for a time step later than the last accepted one (no replay).
   */
  private async secondFactorHolds(phone: string, code: string): Promise<boolean> {
    const secret = this.config.operatorTotpSecrets().get(phone);
    if (!secret || !this.config.operatorPhones().has(phone)) return false;
    const attempt = await this.reserve('operator_totp', phone);
    if (attempt.failures > this.config.PIN_MAX_ATTEMPTS) throw pinLocked(attempt.lockedSeconds ?? this.config.PIN_LOCK_SECONDS);
    const result = await verifyTotp({ secret, token: code, epochTolerance: TOTP_TOLERANCE_SECONDS }).catch(() => ({ valid: false as const }));
    if (!result.valid || !('timeStep' in result)) return false;
    const [accepted] = (await this.dataSource.query(
      `WITH taken AS (
         UPDATE operator_totp SET last_step = $2, failures = 0, locked_until = NULL, updated_at = now()
          WHERE phone = $1 AND last_step < $2 RETURNING phone)
       SELECT count(*)::int AS n FROM taken`,
      [phone, result.timeStep],
    )) as { n: number }[];
    return accepted?.n === 1;
  }

  /**
   * Counts an attempt and tells whether it may proceed, in one statement: concurrent attempts queue on
   * the row, so a burst cannot pass the limit. The attempt that reaches the limit sets the lock (a
   * success clears it); later ones count past the limit and are refused until the lock expires.
   */
  private async reserve(table: AttemptTable, phone: string): Promise<Reservation> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO ${table} AS a (phone, failures, locked_until, updated_at)
            VALUES ($1, 1, CASE WHEN $2 <= 1 THEN now() + make_interval(secs => $3) END, now())
       ON CONFLICT (phone) DO UPDATE SET
            failures = CASE WHEN a.locked_until <= now() THEN 1 ELSE a.failures + 1 END,
            locked_until = CASE
              WHEN a.locked_until > now() THEN a.locked_until
              WHEN (CASE WHEN a.locked_until <= now() THEN 1 ELSE a.failures + 1 END) >= $2
                THEN now() + make_interval(secs => $3)
            END,
            updated_at = now()
       RETURNING a.failures, ceil(extract(epoch FROM a.locked_until - now()))::int AS locked_seconds`,
      [phone, this.config.PIN_MAX_ATTEMPTS, this.config.PIN_LOCK_SECONDS],
    )) as { failures: number; locked_seconds: number | null }[];
    return { failures: row?.failures ?? Number.MAX_SAFE_INTEGER, lockedSeconds: row?.locked_seconds ?? null };
  }

  private failure(attempt: Reservation): PlatformError {
    if (attempt.failures >= this.config.PIN_MAX_ATTEMPTS) return pinLocked(attempt.lockedSeconds ?? this.config.PIN_LOCK_SECONDS);
    return invalidCredentials();
  }

  private issueToken(user: UserEntity, operator: boolean): AuthenticatedSessionView {
    const claims: UserTokenClaims = { sub: user.id, acc: user.account_id, pv: user.pin_changed_at.getTime(), ...(operator ? { op: true as const } : {}) };
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
