import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type BulkBatchView, Rpc } from '@airtime/contracts';
import { PlatformError, RpcClient } from '@airtime/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { PrincipalGuard } from '../auth/principal.guard.js';
import { HttpValidationPipe } from '../http/http-validation.pipe.js';
import { ApiErrors } from '../openapi/api-responses.js';
import { ModeQuery } from '../wallet/dtos/mode.query.js';
import { modeOf } from '../wallet/principal-mode.js';
import { BULK_MAX_BYTES } from './bulk-csv.js';
import { type BulkPreviewAnswer, previewBulkCsv } from './bulk-preview.js';
import { BulkPreviewBody } from './dtos/bulk-preview.body.js';
import { BulkBatchResponse, BulkPreviewResponse } from './dtos/bulk.responses.js';
import { RunBulkBody } from './dtos/run-bulk.body.js';
import { writeResultsCsv } from './results-csv.js';

const SHEET_EXAMPLE = 'target;amount;agent_reference\r\n0772 279 099;5;staff-001\r\n+263712345678;2,50;staff-002\r\n';

/** An uploaded file as multer holds it in memory. */
interface UploadedSheet {
  buffer: Buffer;
}

/** 001's bulk sheets: one CSV, many recharges, previewed before any money moves. */
@Controller('api/v1/bulk')
@UseGuards(PrincipalGuard)
export class BulkController {
  private readonly validation = new HttpValidationPipe();

  constructor(private readonly rpc: RpcClient) {}

  @Post('preview')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: BULK_MAX_BYTES, files: 1, fields: 0 } }))
  @ApiOperation({
    summary: 'Check a CSV of recharges before paying it (001); moves no money',
    description:
      'The sheet as `text/csv`, as a `multipart/form-data` file field `file`, or as JSON `{"csv": "…"}`; at most 10,000 rows and 4 MiB. ' +
      'Columns by header name in any order: `target` and `amount` (major units) required; `product_id`, `agent_reference`, `custom_sms`, `currency` optional. ' +
      'A UTF-8 BOM, `;` or `,` separators, quoted cells, CRLF and blank trailing lines are fine. Answers every problem by row and column, ' +
      'totals per currency beside the wallet balance, and a `preview_id` to run within 24 hours.',
  })
  @ApiConsumes('text/csv', 'multipart/form-data', 'application/json')
  @ApiBody({
    schema: {
      oneOf: [
        { type: 'string', description: 'text/csv: the sheet itself', example: SHEET_EXAMPLE },
        { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'multipart/form-data: the sheet as a file' } } },
        { type: 'object', properties: { csv: { type: 'string', description: 'application/json: the sheet as text' } } },
      ],
    },
  })
  @ApiResponse({ status: 200, description: "The preview (001's shape, not enveloped)", type: BulkPreviewResponse })
  @ApiErrors({ status: 413, codes: ['PAYLOAD_TOO_LARGE'], description: 'The sheet is over 4 MiB' })
  async preview(@CurrentPrincipal() principal: Principal, @Req() request: Request, @UploadedFile() file?: UploadedSheet): Promise<BulkPreviewAnswer> {
    return previewBulkCsv(this.rpc, principal.accountId, modeOf(principal), await this.sheetOf(request, file));
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Run a previewed CSV as a batch of recharges (001)',
    description:
      'Idempotent on `batch_reference`: the same one again answers the same batch. Each good row becomes an ordinary order (its own agent_reference, ' +
      'ledger entry, events and webhooks); rows that failed the preview are kept as `invalid` and not paid. A preview runs once. ' +
      'The batch runs in the background and survives restarts; follow it with GET /api/v1/bulk/{id}.',
  })
  @ApiResponse({ status: 200, description: "The batch as it starts (001's shape, not enveloped)", type: BulkBatchResponse })
  @ApiErrors({ status: 404, codes: ['PREVIEW_NOT_FOUND'] }, { status: 409, codes: ['CONFLICT'], description: 'CONFLICT: the preview was already run under another batch_reference' })
  async run(@CurrentPrincipal() principal: Principal, @Body() body: RunBulkBody): Promise<BulkBatchView> {
    const mode = modeOf(principal);
    if ((body.preview_id === undefined) === (body.csv === undefined)) throw noSheet('give either preview_id or csv');
    const previewId = body.preview_id ?? (await previewBulkCsv(this.rpc, principal.accountId, mode, body.csv as string)).preview_id;
    return this.rpc.request(Rpc.orders.runBulk, { account_id: principal.accountId, mode, preview_id: previewId, batch_reference: body.batch_reference });
  }

  @Get(':id')
  @ApiOperation({ summary: "A bulk batch's progress: rows per status, amounts sent and refunded (001)" })
  @ApiResponse({ status: 200, description: "The batch (001's shape, not enveloped)", type: BulkBatchResponse })
  @ApiErrors({ status: 404, codes: ['NOT_FOUND'] })
  get(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<BulkBatchView> {
    return this.rpc.request(Rpc.orders.getBulk, { account_id: principal.accountId, mode: modeOf(principal), batch_id: id });
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a bulk batch: rows not yet dispatched are skipped; orders already made finish (001)' })
  @ApiResponse({ status: 200, description: 'The batch after cancelling', type: BulkBatchResponse })
  @ApiErrors({ status: 404, codes: ['NOT_FOUND'] })
  cancel(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<BulkBatchView> {
    return this.rpc.request(Rpc.orders.cancelBulk, { account_id: principal.accountId, mode: modeOf(principal), batch_id: id });
  }

  @Get(':id/results.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: "A bulk batch's rows with each one's status, order, provider_ref and error, as CSV (001)" })
  @ApiResponse({ status: 200, description: 'row,target,amount,product_id,agent_reference,custom_sms,status,order_id,provider_ref,error', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrors({ status: 404, codes: ['NOT_FOUND'] })
  async results(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Query() query: ModeQuery, @Res() response: Response): Promise<void> {
    // A logged-in user (the dashboard) names the mode of a batch it ran through GraphQL's runBulk.
    await writeResultsCsv(this.rpc, { account_id: principal.accountId, mode: modeOf(principal, query.mode), batch_id: id }, response);
  }

  /** The sheet from whichever of the three bodies was sent. */
  private async sheetOf(request: Request, file: UploadedSheet | undefined): Promise<string | Buffer> {
    if (file) return file.buffer;
    if (typeof request.body === 'string') return request.body;
    if (request.is('multipart/form-data')) throw noSheet('send the sheet in the multipart field "file"');
    const body = (await this.validation.transform(request.body ?? {}, { type: 'body', metatype: BulkPreviewBody })) as BulkPreviewBody;
    if (typeof body.csv !== 'string') throw noSheet('send the sheet as text/csv, as a multipart field "file", or as JSON {"csv": "…"}');
    return body.csv;
  }
}

const noSheet = (message: string) => new PlatformError('VALIDATION_FAILED', message, { fields: { file: [message] } });
