import { Controller, HttpCode, Post, Req, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { PlatformError, RpcClient } from '@airtime/platform';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { PrincipalGuard } from '../auth/principal.guard.js';
import { HttpValidationPipe } from '../http/http-validation.pipe.js';
import { ApiErrors } from '../openapi/api-responses.js';
import { modeOf } from '../wallet/principal-mode.js';
import { BULK_MAX_BYTES } from './bulk-csv.js';
import { type BulkPreviewAnswer, previewBulkCsv } from './bulk-preview.js';
import { BulkPreviewBody } from './dtos/bulk-preview.body.js';
import { BulkPreviewResponse } from './dtos/bulk.responses.js';

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
