/**
 * Broadcast by identity once a user's new PIN is committed (a PIN reset): every session opened
 * before it has ended, and every gateway drops what it cached of the user's sessions at once.
 */
export interface UserPinChangedMessage {
  user_id: string;
  account_id: string;
}
