/** What came back over HTTP, or why nothing usable did. */
export type HttpAnswer =
  | { kind: 'answer'; status: number; text: string; json: unknown }
  | { kind: 'timeout' }
  | { kind: 'unreachable'; message: string };

/**
 * One HTTP call to an upstream with a hard timeout. Never throws: an adapter decides what a timeout
 * or a refused connection means (always `unknown` for a send). `json` is undefined when the body is
 * not JSON.
 */
export async function upstreamHttp(
  url: string,
  init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; timeoutMs: number },
): Promise<HttpAnswer> {
  try {
    const response = await fetch(url, {
      method: init.method,
      headers: init.headers,
      body: init.body,
      signal: AbortSignal.timeout(init.timeoutMs),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { kind: 'answer', status: response.status, text, json };
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'timeout' };
    // fetch's own message ("fetch failed") says nothing; its cause (ECONNREFUSED, a reset) does.
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    return { kind: 'unreachable', message: cause ? `${(error as Error).message}: ${cause}` : (error as Error).message };
  }
}
