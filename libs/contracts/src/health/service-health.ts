/** A service's answer to `<service>.health`. */
export interface ServiceHealth {
  service: string;
  status: 'up' | 'down';
  database: 'up' | 'down';
  uptimeSeconds: number;
  instance: string;
}

/** `<service>.health` takes no fields. */
export class HealthRequest {}
