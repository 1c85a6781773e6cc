import { IntersectionType, PickType } from '@nestjs/mapped-types';
import { WebhookEndpointRefRequest } from '@airtime/contracts';
import { ModeQuery } from '../../wallet/dtos/mode.query.js';

/** `overlap_seconds`: how long the old secret keeps signing beside the new one (default a day). */
export class RotateSecretBody extends IntersectionType(PickType(WebhookEndpointRefRequest, ['overlap_seconds'] as const), ModeQuery) {}
