import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Operators: orders the reconciler could not resolve in time, across all accounts, oldest first. */
export class ListAttentionOrdersRequest {
  @IsOptional() @IsInt() @Min(1) @Max(500) limit?: number;
}
