import type { AccountView } from '@airtime/contracts';
import type { AccountEntity } from './account.entity.js';

export function toAccountView(account: AccountEntity): AccountView {
  return {
    id: account.id,
    name: account.name,
    number: account.number,
    address: account.address,
    city: account.city,
    contact_name: account.contact_name,
    contact_email: account.contact_email,
    contact_phone: account.contact_phone,
    account_type: account.type,
    account_level: account.level,
    created_at: account.created_at.toISOString(),
  };
}
