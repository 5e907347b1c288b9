import { ValidationError, ValidationPipe } from '@nestjs/common';
import { badInput } from './app-errors';

function firstFailure(errors: ValidationError[], prefix = ''): { field: string; message: string } {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) return { field, message: messages[0] };
    if (error.children?.length) return firstFailure(error.children, field);
  }
  return { field: prefix || 'input', message: 'is invalid' };
}

/** Validates every resolver argument and reports the first broken rule as BAD_USER_INPUT naming its field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => {
      const { field, message } = firstFailure(errors);
      return badInput(field, message);
    },
  });
}
