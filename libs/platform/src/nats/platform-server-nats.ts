import { ServerNats } from '@nestjs/microservices';

/**
 * Nest's NATS server, with the route of each subscribed subject worked out once. Nest finds a
 * message's handler by first trying the subject as JSON (an object pattern), which throws and
 * catches an exception for every plain subject, on every message; the subjects are the service's
 * own fixed set, so the answer never changes.
 */
export class PlatformServerNats extends ServerNats {
  private readonly routes = new Map<string, string>();

  override getRouteFromPattern(pattern: string): string {
    let route = this.routes.get(pattern);
    if (route === undefined) {
      route = super.getRouteFromPattern(pattern);
      // Patterns come from our own subscriptions, never from a message; the bound is only a guard.
      if (this.routes.size < 10_000) this.routes.set(pattern, route);
    }
    return route;
  }
}
