/** An account as 000's onboarding response shows it (phones in international form). */
export interface AccountView {
  id: string;
  name: string;
  number: string;
  address: string;
  city: string;
  contact_name: string;
  contact_email: string;
  contact_phone: string;
  account_type: string;
  account_level: string;
  created_at: string;
}
