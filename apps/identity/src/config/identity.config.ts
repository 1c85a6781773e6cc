import { IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { normalizePhone } from '@airtime/phone';
import { DatabaseServiceConfig, RequiredOutside } from '@airtime/platform';

export class IdentityConfig extends DatabaseServiceConfig {
  /** Shared with the gateway, which verifies what identity signs. Only development may omit it. */
  @RequiredOutside('development')
  @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  @IsInt() @Min(60) @Max(86_400)
  JWT_TTL_SECONDS: number = 3600;

  @IsInt() @Min(4) @Max(8)
  PIN_LENGTH: number = 4;

  @IsInt() @Min(1) @Max(100)
  PIN_MAX_ATTEMPTS: number = 5;

  @IsInt() @Min(1) @Max(86_400)
  PIN_LOCK_SECONDS: number = 900;

  /** Users with these phones (comma-separated, any format) are platform operators: they may adjust wallets. */
  @IsOptional() @IsString()
  OPERATOR_PHONES?: string;

  jwtSecret(): string {
    return this.JWT_SECRET ?? 'development-only-jwt-secret-change-me-000000';
  }

  /**
   * Each operator's TOTP secret, `phone=BASE32` pairs (comma-separated, at least 128 bits each),
   * provisioned out of band: operator tokens need the PIN and a current code. There is no enrollment
   * endpoint, so someone who learnt an operator's PIN cannot enrol a device of theirs.
   */
  @IsOptional() @Matches(/^\s*\+?[\d ()-]{6,20}\s*=\s*[A-Za-z2-7]{26,}=*\s*(,\s*\+?[\d ()-]{6,20}\s*=\s*[A-Za-z2-7]{26,}=*\s*)*$/, {
    message: 'OPERATOR_TOTP_SECRETS must be phone=BASE32SECRET pairs, comma-separated, each secret at least 26 base32 characters',
  })
  OPERATOR_TOTP_SECRETS?: string;

  operatorTotpSecrets(): Map<string, string> {
    const secrets = new Map<string, string>();
    for (const pair of (this.OPERATOR_TOTP_SECRETS ?? '').split(',')) {
      const [phone, secret] = pair.split('=').map((part) => part.trim());
      const normalized = phone ? normalizePhone(phone) : null;
      if (normalized && secret) secrets.set(normalized, secret.toUpperCase().replace(/=+$/, ''));
    }
    return secrets;
  }

  operatorPhones(): Set<string> {
    return new Set((this.OPERATOR_PHONES ?? '').split(',').map((p) => normalizePhone(p.trim())).filter((p): p is string => p !== null));
  }
}
