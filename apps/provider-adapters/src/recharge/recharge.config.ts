import { IsInt, Max, Min } from 'class-validator';

export class RechargeConfig {
  /** Consecutive unknown outcomes (timeouts, 5xx, garbage) that open an upstream's circuit. */
  @IsInt() @Min(1) @Max(1000)
  CIRCUIT_FAILURE_THRESHOLD: number = 5;

  @IsInt() @Min(1) @Max(3600)
  CIRCUIT_COOLDOWN_SECONDS: number = 30;
}
