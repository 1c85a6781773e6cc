import { Injectable } from '@nestjs/common';
import type { WebhookDeliveryPageView } from '@airtime/contracts';
import { fetchPage } from '@airtime/platform';
import { type DeliveryRow, DeliveryStore, toDeliveryView } from '../../delivery-store.js';
import { PageDeliveriesCommand } from './page-deliveries.command.js';

/**
 * An account's webhook deliveries in one mode, newest first, a page at a time (a cursor is a
 * delivery's `seq`), each with its attempts: read for the whole page in one query.
 */
@Injectable()
export class PageDeliveriesUseCase {
  constructor(private readonly store: DeliveryStore) {}

  async execute({ request }: PageDeliveriesCommand): Promise<WebhookDeliveryPageView> {
    const page = await fetchPage(request, 50, (seek) => this.store.page(request, seek), (d) => d.seq, (d): DeliveryRow => d);
    const attempts = await this.store.attemptsOf(page.edges.map((e) => e.node.id));
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toDeliveryView(e.node, attempts.get(e.node.id) ?? []) })) };
  }
}
