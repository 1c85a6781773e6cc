/** One result callback the simulator sent, as `GET /pesepay/sim/callbacks` lists it. */
export interface SentPesepayCallback {
  reference: string;
  url: string;
  /** The request body exactly as sent: `{"payload":"<encrypted transaction>"}`. */
  body: string;
  /** The receiver's HTTP status; null when it could not be reached or did not answer in time. */
  status_code: number | null;
  error: string | null;
  sent_at: string;
}
