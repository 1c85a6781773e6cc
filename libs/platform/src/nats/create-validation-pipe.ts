import { type ArgumentMetadata, Injectable, type PipeTransform, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { declaredTextProblems, noProblems, rawTextProblems, type TextProblems, validationDetails } from '@airtime/contracts';
import { PlatformError } from '../errors/platform-error.js';

/**
 * Validates input against its contract class, for the gateway's REST and GraphQL input and for every
 * service's NATS handlers alike (services are called directly by other services, not only through the
 * gateway). Text that cannot be stored or has no business in an identifier is refused first (see
 * text-policy in libs/contracts), then the class's rules run; unknown fields are refused rather than
 * ignored, and every bad field is named in one answer.
 */
@Injectable()
export class ContractValidationPipe implements PipeTransform {
  private readonly rules = new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The value is read to tell a missing field from a wrong one; it never leaves the pipe.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => invalid(validationDetails(errors)),
  });

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Our own decorators' values (the caller's principal) are not input.
    if (metadata.type === 'custom') return this.rules.transform(value, metadata);
    const field = metadata.data ?? metadata.type;
    const { problems: text, tooDeep } = rawTextProblems(value, String(field));
    // Too deep to walk is too deep to transform: refuse before class-transformer recurses into it.
    if (tooDeep) throw invalid(text);
    let checked: unknown;
    try {
      checked = await this.rules.transform(value, metadata);
    } catch (error) {
      // A field rule may itself choke on text already refused (validator's isEmail runs encodeURI,
      // which throws on half a surrogate pair): the refusal stands, as a 400.
      if (!(error instanceof PlatformError) && Object.keys(text).length > 0) throw invalid(text);
      if (!(error instanceof PlatformError) || error.code !== 'VALIDATION_FAILED') throw error;
      // Name the text problems of declared fields too, so a client fixes every field in one go.
      const declared = isContractClass(metadata.metatype) && isObject(value) ? declaredTextProblems(plainToInstance(metadata.metatype, value)) : {};
      throw invalid(merge(merge(text, declared), (error.details?.['fields'] as TextProblems | undefined) ?? {}));
    }
    const problems = merge(text, declaredTextProblems(checked));
    if (Object.keys(problems).length > 0) throw invalid(problems);
    return checked;
  }
}

export function createValidationPipe(): ContractValidationPipe {
  return new ContractValidationPipe();
}

function isContractClass(type: unknown): type is new () => object {
  return typeof type === 'function' && ![String, Number, Boolean, Object, Array].includes(type as never);
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function invalid(fields: TextProblems): PlatformError {
  return new PlatformError('VALIDATION_FAILED', 'Validation failed', { fields });
}

function merge(a: TextProblems, b: TextProblems): TextProblems {
  const out = Object.assign(noProblems(), a);
  for (const [field, problems] of Object.entries(b)) out[field] = [...new Set([...(out[field] ?? []), ...problems])];
  return out;
}
