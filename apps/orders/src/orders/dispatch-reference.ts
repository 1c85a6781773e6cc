/**
 * What upstreams see as our transaction reference: the order id without dashes (32 hex characters;
 * several upstreams accept only letters and digits). It maps back to exactly one order.
 */
export function dispatchReferenceOf(orderId: string): string {
  return orderId.replace(/-/g, '');
}

export function orderIdOf(reference: string): string | undefined {
  const m = /^([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})$/i.exec(reference);
  return m ? `${m[1]}-${m[2]}-${m[3]}-${m[4]}-${m[5]}`.toLowerCase() : undefined;
}
