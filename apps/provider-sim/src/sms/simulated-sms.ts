export interface SimulatedSms {
  id: string;
  to: string;
  from: string;
  message: string;
  received_at: string;
}
