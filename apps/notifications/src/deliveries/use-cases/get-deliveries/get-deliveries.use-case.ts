import { Injectable } from '@nestjs/common';
import type { WebhookDeliveryView } from '@airtime/contracts';
import { DeliveryStore, toDeliveryView } from '../../delivery-store.js';
import { GetDeliveriesCommand } from './get-deliveries.command.js';

/** Deliveries by id (the graph's refetch), scoped to one account and mode, with their attempts: two queries in all. */
@Injectable()
export class GetDeliveriesUseCase {
  constructor(private readonly store: DeliveryStore) {}

  async execute({ request }: GetDeliveriesCommand): Promise<WebhookDeliveryView[]> {
    const found = await this.store.byIds(request, [...new Set(request.ids)]);
    const attempts = await this.store.attemptsOf(found.map((d) => d.id));
    return found.map((d) => toDeliveryView(d, attempts.get(d.id) ?? []));
  }
}
