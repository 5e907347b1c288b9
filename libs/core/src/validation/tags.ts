import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsOptional, Matches } from 'class-validator';

/** A tag: 1 to 30 lowercase letters, digits or hyphens, on threads and ideas alike. */
export const TAG_PATTERN = /^[a-z0-9-]{1,30}$/;
export const MAX_TAGS = 5;

/** Validates one optional tag (a list filter). */
export function IsOptionalTag(): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    Matches(TAG_PATTERN, { message: 'must be 1 to 30 lowercase letters, digits or hyphens' }),
  );
}

/** Validates an optional list of tags on new content. */
export function IsOptionalTagList(): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    IsArray(),
    ArrayMaxSize(MAX_TAGS, { message: `at most ${MAX_TAGS} tags` }),
    Matches(TAG_PATTERN, {
      each: true,
      message: 'each tag must be 1 to 30 lowercase letters, digits or hyphens',
    }),
  );
}
