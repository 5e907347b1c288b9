import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { MAX_BODY_LENGTH } from './ask-question.input';

@ArgsType()
export class PreviewMarkdownArgs {
  // Empty is allowed: a preview of a form not yet written is simply empty.
  @Field({ description: 'Markdown as a question or answer would be written.' })
  @IsString()
  @MaxLength(MAX_BODY_LENGTH, { message: `must be at most ${MAX_BODY_LENGTH} characters` })
  body!: string;
}
