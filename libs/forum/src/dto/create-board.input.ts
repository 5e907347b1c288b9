import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsString, Length, Matches, MaxLength } from 'class-validator';
import { BoardKind } from '../forum.enums';

@InputType()
export class CreateBoardInput {
  @Field()
  @IsString()
  @Matches(/^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/, {
    message: 'must be 1 to 60 lowercase letters, digits or inner hyphens',
  })
  slug!: string;

  @Field()
  @IsString()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  name!: string;

  @Field()
  @IsString()
  @MaxLength(1000, { message: 'must be at most 1000 characters' })
  description!: string;

  @Field(() => BoardKind)
  @IsEnum(BoardKind)
  kind!: BoardKind;
}
