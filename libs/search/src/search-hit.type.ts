import { ConnectionType } from '@app/core';
import { PostType, ThreadType } from '@app/forum';
import { Field, Float, ObjectType } from '@nestjs/graphql';
import { FoundPost, FoundThread } from './forum-search';

@ObjectType('SearchHit')
export class SearchHitType {
  @Field(() => ThreadType)
  thread!: ThreadType;

  @Field(() => PostType, {
    nullable: true,
    description: 'The best matching post of the thread, if the match was in an answer.',
  })
  post!: PostType | null;

  @Field({ description: 'Sanitized HTML excerpt with the matched terms in <mark>.' })
  highlight!: string;

  @Field(() => Float)
  score!: number;
}

export const SearchHitConnection = ConnectionType(SearchHitType, 'SearchHit');

/** What a hit resolves from: what the forum handed out, so its field resolvers apply to it. */
export interface SearchHit {
  thread: FoundThread;
  post: FoundPost | null;
  highlight: string;
  score: number;
}
