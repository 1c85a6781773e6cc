import { HttpException } from '@nestjs/common';

/** Pesepay's error shape: a 4xx with a plain (unencrypted) `{"message": "..."}` body. */
export function pesepayError(status: number, message: string): HttpException {
  return new HttpException({ message }, status);
}
