export interface SimulatedSms {
  id: string;
  to: string;
  from: string;
  message: string;
  /** Which of Africa's Talking's hosts took it: the live API or its sandbox (test-mode SMS). */
  channel: 'live' | 'sandbox';
  received_at: string;
}
