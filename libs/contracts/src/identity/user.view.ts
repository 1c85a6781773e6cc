/** 000's current-user `data`, with the user's names beside it. */
export interface UserView {
  id: string;
  email: string;
  phone: string;
  account_id: string;
  first_name: string;
  last_name: string;
}
