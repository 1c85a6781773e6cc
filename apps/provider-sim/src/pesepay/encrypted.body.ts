/** Every Pesepay request and success response body: the real JSON, encrypted. */
export interface EncryptedBody {
  payload: string;
}
