/** What came back over HTTP, or why nothing usable did. */
export type HttpAnswer =
  | { kind: 'answer'; status: number; text: string; json: unknown }
  | { kind: 'timeout' }
  | { kind: 'unreachable'; message: string };

/** 1 MiB: far above any documented answer, far below what would hurt a replica's memory. */
export const DEFAULT_UPSTREAM_MAX_BODY_BYTES = 1024 * 1024;

let maxBodyBytes = DEFAULT_UPSTREAM_MAX_BODY_BYTES;

/**
 * Set once at start-up from UPSTREAM_MAX_BODY_BYTES. Process-wide because every adapter (and Pesepay)
 * calls upstreamHttp, and the limit protects the process, not one upstream.
 */
export function limitUpstreamBodies(bytes: number): void {
  maxBodyBytes = bytes;
}

/**
 * One HTTP call to an upstream with a hard timeout. Never throws: an adapter decides what a timeout
 * or a refused connection means (always `unknown` for a send). `json` is undefined when the body is
 * not JSON. A body larger than the limit is not read: it is reported as `unreachable` (no usable
 * answer), so that a send stays `unknown` and is never read as a refusal.
 */
export async function upstreamHttp(
  url: string,
  init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; timeoutMs: number; maxBodyBytes?: number },
): Promise<HttpAnswer> {
  const limit = init.maxBodyBytes ?? maxBodyBytes;
  try {
    const response = await fetch(url, {
      method: init.method,
      headers: init.headers,
      body: init.body,
      signal: AbortSignal.timeout(init.timeoutMs),
    });
    const text = await readText(response, limit);
    if (text === null) return { kind: 'unreachable', message: `answer body larger than ${limit} bytes; not read` };
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

/**
 * The body as text, or null once it passes `limit` bytes. Counted while streaming (a declared
 * content-length can lie or be absent), and the rest is cancelled rather than downloaded.
 */
async function readText(response: Response, limit: number): Promise<string | null> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
