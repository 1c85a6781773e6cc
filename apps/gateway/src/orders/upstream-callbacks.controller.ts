import { Body, Controller, HttpCode, Ip, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { isUpstreamId, Rpc } from '@airtime/contracts';
import { PlatformError, RpcClient } from '@airtime/platform';

/**
 * Upstreams' callbacks (POST /callbacks/<upstream>[/<kind>][?token=<callback secret>]), passed to
 * provider-adapters, which authenticates them (the upstream's status query, or the secret in the URL
 * we registered for an upstream without one), checks them against what was sent, and tells orders.
 * The upstream gets the answer its document expects.
 */
// Upstreams call these in their own terms: not part of the public OpenAPI document.
@ApiExcludeController()
@Controller('callbacks')
export class UpstreamCallbacksController {
  constructor(private readonly rpc: RpcClient) {}

  @Post([':upstream', ':upstream/:kind'])
  @HttpCode(200)
  async receive(
    @Param('upstream') upstream: string,
    @Param('kind') kind: string | undefined,
    @Body() body: unknown,
    @Ip() ip: string,
    @Query('token') token: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!isUpstreamId(upstream)) throw new PlatformError('NOT_FOUND', `No callbacks for ${upstream}`);
    const payload = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : { items: body };
    const reply = await this.rpc.request(Rpc.providerAdapters.callback, {
      upstream,
      kind: kind ?? 'status',
      body: payload,
      headers: pickHeaders(req),
      source_ip: ip,
      ...(typeof token === 'string' && token !== '' ? { token: token.slice(0, 256) } : {}),
    });
    res.status(reply.status);
    if (typeof reply.body === 'string') res.type('text/plain').send(reply.body);
    else res.json(reply.body);
  }
}

/** Only what an adapter may need to authenticate a callback; never cookies or our own auth. */
function pickHeaders(req: Request): Record<string, string> {
  const keep = ['content-type', 'user-agent', 'x-signature', 'x-hub-signature', 'api-key', 'x-api-key'];
  return Object.fromEntries(keep.flatMap((h) => (req.header(h) ? [[h, req.header(h) as string]] : [])));
}
