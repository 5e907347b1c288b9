import { Field, InputType } from '@nestjs/graphql';
import { IsString, Length, Matches } from 'class-validator';

@InputType()
export class CreateProductInput {
  @Field()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, {
    message: 'must be 1 to 64 letters, digits, dots, underscores or hyphens',
  })
  sku!: string;

  @Field()
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name!: string;

  @Field()
  @IsString()
  @Length(1, 5000, { message: 'must be 1 to 5000 characters' })
  description!: string;
}
