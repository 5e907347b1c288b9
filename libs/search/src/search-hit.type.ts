import { ConnectionType } from '@app/core';
import { PostEntity, PostType, ThreadEntity, ThreadType } from '@app/forum';
import { Field, Float, ObjectType } from '@nestjs/graphql';

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

/** What a hit resolves from: entities, so the forum's field resolvers apply to them. */
export interface SearchHit {
  thread: ThreadEntity;
  post: PostEntity | null;
  highlight: string;
  score: number;
}
