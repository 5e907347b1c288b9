import { Authenticated, renderMarkdown } from '@app/core';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { PreviewMarkdownArgs } from '../dto/preview-markdown.args';

/**
 * A writer's preview, rendered by the very function that renders stored posts: what the preview
 * shows is what the post will show, and clients need no markdown renderer of their own.
 */
@Resolver()
export class MarkdownPreviewResolver {
  @Query(() => String, {
    description:
      'The sanitised HTML that a question or answer with this markdown body would show, for previews while writing.',
  })
  @Authenticated()
  previewMarkdown(@Args() { body }: PreviewMarkdownArgs): string {
    return renderMarkdown(body);
  }
}
