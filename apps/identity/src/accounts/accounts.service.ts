import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { normalizePhone } from '@airtime/phone';
import type { AccountView, CreateAccountRequest } from '@airtime/contracts';
import { IdentityConfig } from '../config/identity.config.js';
import { generatePin, hashPin } from '../auth/pin.js';
import { pinMessage } from '../sms/pin-message.js';
import { SmsSender } from '../sms/sms.sender.js';
import { generateAccountNumber } from './account-number.js';
import { AccountEntity } from './account.entity.js';
import { UserEntity } from './user.entity.js';
import { toAccountView } from './account.view.js';
import { accountNotFound, phoneAlreadyRegistered } from './accounts.exceptions.js';

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: IdentityConfig,
    private readonly sms: SmsSender,
  ) {}

  /** The account and its first user in one transaction; the user's first PIN goes out by SMS after commit. */
  async create(request: CreateAccountRequest): Promise<AccountView> {
    const contactPhone = normalizePhone(request.contact_phone) as string;
    const userPhone = normalizePhone(request.user_phone) as string;
    const pin = generatePin(this.config.PIN_LENGTH);
    const pinHash = await hashPin(pin);

    for (let attempt = 1; ; attempt++) {
      try {
        const account = await this.dataSource.transaction(async (manager) => {
          const account = await manager.save(
            manager.create(AccountEntity, {
              number: generateAccountNumber(),
              name: request.name.trim(),
              type: request.type.trim(),
              level: request.level.trim(),
              contact_name: request.contact_name.trim(),
              contact_email: request.contact_email.trim().toLowerCase(),
              contact_phone: contactPhone,
              address: request.address.trim(),
              city: request.city.trim(),
            }),
          );
          await manager.save(
            manager.create(UserEntity, {
              account_id: account.id,
              first_name: request.user_firstname.trim(),
              last_name: request.user_lastname.trim(),
              email: request.user_email.trim().toLowerCase(),
              phone: userPhone,
              pin_hash: pinHash,
              pin_changed_at: new Date(),
            }),
          );
          return account;
        });
        await this.sms.send(userPhone, pinMessage(pin));
        return toAccountView(account);
      } catch (error) {
        const constraint = uniqueViolation(error);
        if (constraint?.includes('phone')) {
          throw phoneAlreadyRegistered();
        }
        // Twelve random digits rarely collide; when they do, a fresh number is drawn.
        if (constraint?.includes('number') && attempt < 5) continue;
        throw error;
      }
    }
  }

  async get(accountId: string): Promise<AccountView> {
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ id: accountId });
    if (!account) throw accountNotFound();
    return toAccountView(account);
  }
}

/** The name of the unique constraint or index a failed insert hit, if that is why it failed. */
function uniqueViolation(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string; detail?: string };
  if (driverError.code !== '23505') return undefined;
  return `${driverError.constraint ?? ''} ${driverError.detail ?? ''}`;
}
