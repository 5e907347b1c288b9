import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { IsNewPassword } from './password-rule';

@InputType()
export class RegisterInput {
  @Field()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{3,30}$/, {
    message: 'must be 3 to 30 characters of letters, digits, _ or -',
  })
  handle!: string;

  @Field()
  @IsString()
  @MaxLength(254, { message: 'must be at most 254 characters' })
  @IsEmail({}, { message: 'must be a valid email address' })
  email!: string;

  @Field()
  @IsNewPassword()
  password!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 60, { message: 'must be 1 to 60 characters' })
  displayName?: string | null;
}
