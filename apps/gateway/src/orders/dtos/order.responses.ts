import { ApiProperty } from '@nestjs/swagger';
import {
  API_KEY_MODES,
  type ApiKeyMode,
  type BatchView,
  ORDER_STATUSES,
  type OrderAttemptView,
  type OrderStatus,
  type OrderView,
  PRODUCT_KINDS,
  type ProductKind,
  type ProductView,
  UPSTREAM_IDS,
  type UpstreamId,
} from '@airtime/contracts';

export class ProductResponse implements ProductView {
  @ApiProperty({ example: 100 }) id: number;
  @ApiProperty({ example: 'Econet airtime (USD)' }) name: string;
  @ApiProperty({ example: 'ZW' }) country: string;
  @ApiProperty({ example: 'econet' }) network: string;
  @ApiProperty({ enum: PRODUCT_KINDS }) kind: ProductKind;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ type: String, nullable: true, description: 'Open-range products, major units; null for fixed denominations' }) min_amount: string | null;
  @ApiProperty({ type: String, nullable: true }) max_amount: string | null;
  @ApiProperty({ type: [String], nullable: true, description: 'Fixed-denomination products (data bundles), major units' }) denominations: string[] | null;
  @ApiProperty({ enum: UPSTREAM_IDS }) upstream: UpstreamId;
  @ApiProperty() active: boolean;
}

const nullableText = { type: String, nullable: true } as const;

/** One upstream the order was sent to: a second only after the first had certainly not delivered. */
export class OrderAttemptResponse implements OrderAttemptView {
  @ApiProperty({ enum: UPSTREAM_IDS }) upstream: UpstreamId;
  @ApiProperty({ enum: ['pending', 'success', 'failed', 'unknown'], description: '`unknown`: the upstream may or may not have delivered; resolved by the reconciler, never sent elsewhere' }) status: 'pending' | 'success' | 'failed' | 'unknown';
  @ApiProperty({ ...nullableText, example: 'INSUFFICIENT_UPSTREAM_BALANCE' }) error_code: string | null;
  @ApiProperty({ ...nullableText, description: "The upstream's own code or status word", example: 'P009' }) upstream_code: string | null;
  @ApiProperty(nullableText) message: string | null;
  @ApiProperty(nullableText) provider_ref: string | null;
  @ApiProperty({ format: 'date-time' }) started_at: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finished_at: string | null;
}

/** 001's order, as POST /api/v1/orders and GET /api/v1/orders/{agent_reference} answer it. */
export class OrderResponse implements OrderView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ord_2026-05-07_12345' }) agent_reference: string;
  @ApiProperty({ enum: ORDER_STATUSES, description: '`pending` until an outcome; `unknown` is resolved by the reconciler' }) status: OrderStatus;
  @ApiProperty({ enum: API_KEY_MODES }) mode: ApiKeyMode;
  @ApiProperty({ example: 100 }) product_id: number;
  @ApiProperty({ enum: PRODUCT_KINDS }) kind: ProductKind;
  @ApiProperty({ example: 'ZW' }) country: string;
  @ApiProperty({ example: 'econet' }) network: string;
  @ApiProperty({ description: 'The recipient in international form, or the meter number', example: '263772279099' }) target: string;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ description: 'Major units', example: '5.00' }) amount: string;
  @ApiProperty({ description: 'Integer minor units as a string', example: '500' }) amount_minor: string;
  @ApiProperty(nullableText) provider_ref: string | null;
  @ApiProperty({ ...nullableText, description: 'Voucher PIN, once delivered' }) pin: string | null;
  @ApiProperty(nullableText) serial: string | null;
  @ApiProperty(nullableText) ussd: string | null;
  @ApiProperty({ ...nullableText, description: 'Electricity token, once delivered' }) token: string | null;
  @ApiProperty(nullableText) customer_name: string | null;
  @ApiProperty(nullableText) error_code: string | null;
  @ApiProperty(nullableText) message: string | null;
  @ApiProperty(nullableText) custom_sms: string | null;
  @ApiProperty({ description: 'The reconciler could not resolve the order in time: an operator will look' }) needs_attention: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "The batch (000's batch recharge) the order was made by, if any" }) batch_id: string | null;
  @ApiProperty({ type: [OrderAttemptResponse], description: 'Every upstream the order was sent to, in order, with what each said' }) attempts: OrderAttemptResponse[];
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

/** 000 §5's `data`. */
export class AirtimeRechargeResult {
  @ApiProperty({ format: 'uuid' }) transaction_id: string;
  @ApiProperty() reference: string;
  @ApiProperty({ example: '+263772279099' }) phone: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status: OrderStatus;
}

/** 000 §5's answer: `success` (200), `pending` (202: the outcome is not known yet) or `error` (422: failed and refunded). */
export class AirtimeRechargeResponse {
  @ApiProperty({ enum: ['success', 'pending', 'error'] }) status: 'success' | 'pending' | 'error';
  @ApiProperty() message: string;
  @ApiProperty({ type: AirtimeRechargeResult }) data: AirtimeRechargeResult;
}

export class BatchCreatedResponse implements Pick<BatchView, 'batch_id' | 'total_count' | 'status'> {
  @ApiProperty({ format: 'uuid' }) batch_id: string;
  @ApiProperty() total_count: number;
  @ApiProperty({ enum: ['processing', 'completed'] }) status: 'processing' | 'completed';
}

export class BatchResponse extends BatchCreatedResponse implements BatchView {
  @ApiProperty({ enum: API_KEY_MODES }) mode: ApiKeyMode;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Orders per status', example: { success: 9, pending: 1 } }) counts: Record<string, number>;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}
