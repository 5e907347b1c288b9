import { applyDecorators } from '@nestjs/common';
import { IsString, Length } from 'class-validator';

/** The contract's password rule, the same wherever a password is chosen (register, reset). */
export const IsNewPassword = (): PropertyDecorator =>
  applyDecorators(IsString(), Length(10, 256, { message: 'must be 10 to 256 characters' }));
