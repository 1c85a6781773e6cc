import { upstreamHttp } from '../../upstream-http.js';
import { type LoginResult, readLoginAnswer } from './omega-mapping.js';
import type { OmegaEndpoint } from './omega.config.js';

/**
 * Omega's JWTs, one per account (base URL and phone), from POST /auth/pin-authentication. A token is
 * kept until `refreshMs` before its expires_at; concurrent requests share one login. Tokens and PINs
 * are never logged.
 */
export class OmegaSessions {
  private readonly tokens = new Map<string, { token: string; expiresAt: number }>();
  private readonly logins = new Map<string, Promise<LoginResult>>();

  constructor(
    private readonly timeoutMs: number,
    private readonly refreshMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** A usable token: the cached one while it is fresh enough, else a new login. */
  async token(endpoint: OmegaEndpoint): Promise<LoginResult> {
    const key = keyOf(endpoint);
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt - this.refreshMs > this.now()) return { ok: true, token: cached };
    let login = this.logins.get(key);
    if (!login) {
      login = this.login(endpoint).finally(() => this.logins.delete(key));
      this.logins.set(key, login);
    }
    return login;
  }

  /** Forgets a token Omega refused (401), unless another request has already replaced it. */
  invalidate(endpoint: OmegaEndpoint, token: string): void {
    const key = keyOf(endpoint);
    if (this.tokens.get(key)?.token === token) this.tokens.delete(key);
  }

  private async login(endpoint: OmegaEndpoint): Promise<LoginResult> {
    const answer = await upstreamHttp(`${endpoint.baseUrl}/auth/pin-authentication`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ phone: endpoint.phone, pin: endpoint.pin }),
      timeoutMs: this.timeoutMs,
    });
    const result = readLoginAnswer(answer);
    // A token without a readable expires_at is used for the request at hand only.
    if (result.ok && result.token.expiresAt !== null) this.tokens.set(keyOf(endpoint), { token: result.token.token, expiresAt: result.token.expiresAt });
    return result;
  }
}

function keyOf(endpoint: OmegaEndpoint): string {
  return `${endpoint.baseUrl} ${endpoint.phone}`;
}
