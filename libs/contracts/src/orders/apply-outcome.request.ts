import { IsIn, IsObject, IsString, MaxLength, MinLength } from 'class-validator';
import { UPSTREAM_IDS, type UpstreamId } from '../dispatch/upstream-id.js';
import type { DispatchOutcome } from '../dispatch/dispatch-outcome.js';

/** provider-adapters → orders: an outcome that arrived later, by an upstream's callback. */
export class ApplyOutcomeRequest {
  @IsIn(UPSTREAM_IDS) upstream: UpstreamId;
  @IsString() @MinLength(1) @MaxLength(64) reference: string;
  @IsObject() outcome: DispatchOutcome;
}
