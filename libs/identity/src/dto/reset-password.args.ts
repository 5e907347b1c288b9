import { ArgsType, Field } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsNewPassword } from './password-rule';

@ArgsType()
export class ResetPasswordArgs {
  @Field({ description: 'The token of the reset link, as emailed.' })
  @IsString()
  @IsNotEmpty({ message: 'must not be empty; use the link from the password reset email' })
  // A real token is 43 characters; anything far longer is refused before any work.
  @MaxLength(256, { message: 'is not a password reset token; use the link from the email' })
  token!: string;

  @Field({ description: 'The new password, by the same rule as register.' })
  @IsNewPassword()
  password!: string;
}
