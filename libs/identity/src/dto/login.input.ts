import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@InputType()
export class LoginInput {
  @Field()
  @IsString()
  @MaxLength(254, { message: 'must be at most 254 characters' })
  email!: string;

  @Field()
  @IsString()
  @MaxLength(256, { message: 'must be at most 256 characters' })
  password!: string;
}
