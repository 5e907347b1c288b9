import { ArgsType, Field } from '@nestjs/graphql';
import { IsEmail, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class RequestPasswordResetArgs {
  @Field({ description: 'The email the account was registered with (any case).' })
  @IsString()
  @MaxLength(254, { message: 'must be at most 254 characters' })
  @IsEmail({}, { message: 'must be a valid email address' })
  email!: string;
}
