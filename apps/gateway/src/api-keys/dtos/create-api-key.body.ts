import { IntersectionType, PickType } from '@nestjs/mapped-types';
import { CreateApiKeyRequest } from '@airtime/contracts';
import { ModeQuery } from '../../wallet/dtos/mode.query.js';

export class CreateApiKeyBody extends IntersectionType(PickType(CreateApiKeyRequest, ['name'] as const), ModeQuery) {}
