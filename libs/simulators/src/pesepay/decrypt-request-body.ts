import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { validationDetails } from '@airtime/contracts';
import { decryptPesepayPayload } from '@airtime/upstreams';
import { pesepayError } from './pesepay-error.js';

/**
 * A request body `{"payload": "<encrypted JSON>"}`, decrypted and validated against `cls`. Anything
 * short of that is Pesepay's 400 with a message saying what was wrong.
 */
export function decryptRequestBody<T extends object>(body: unknown, key: string, cls: new () => T): T {
  const payload = (body as { payload?: unknown } | null | undefined)?.payload;
  if (typeof payload !== 'string' || payload === '') {
    throw pesepayError(400, 'Expected a JSON body {"payload": "<encrypted request>"}');
  }
  const plain = decryptPesepayPayload(payload, key);
  if (plain === undefined) throw pesepayError(400, 'The payload could not be decrypted with the encryption key');
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw pesepayError(400, 'The decrypted payload is not a JSON object');
  }
  const request = plainToInstance(cls, plain);
  const errors = validateSync(request, { forbidUnknownValues: true });
  if (errors.length > 0) throw pesepayError(400, Object.values(validationDetails(errors)).flat().join('; '));
  return request;
}
