import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class RotateSecretBody {
  /** How long the old secret keeps signing beside the new one (default a day). */
  @IsOptional() @IsInt() @Min(0) @Max(604_800) overlap_seconds?: number;
}
