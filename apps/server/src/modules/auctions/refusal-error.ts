import { DomainError, type ErrorCode } from '../../platform/errors';
import type { Refusal, RefusalCode } from './rules';

/** Every refusal code is one of the API's error codes (this fails to compile otherwise). */
const asErrorCode = (code: RefusalCode): ErrorCode => code;

/** A rule's refusal as the typed error the HTTP layer answers with; the code travels unchanged. */
export function refusalError(refusal: Refusal): DomainError {
  return new DomainError(asErrorCode(refusal.code), refusal.message, refusal.details);
}
