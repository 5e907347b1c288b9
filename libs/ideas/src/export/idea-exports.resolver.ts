import {
  CurrentUser,
  EXPENSIVE_FIELD_COST,
  fromGlobalId,
  RequestContext,
  Role,
  Roles,
  Viewer,
} from '@app/core';
import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { decodeIdeaFilter, IdeaFilter } from '../dto/idea-filter.input';
import { ExportJobEntity } from './export-job.entity';
import { ExportJobType } from './export-job.type';
import { IdeaExportsService } from './idea-exports.service';

@Resolver(() => ExportJobType)
export class IdeaExportsResolver {
  constructor(private readonly exports: IdeaExportsService) {}

  @Mutation(() => ExportJobType, { complexity: EXPENSIVE_FIELD_COST })
  @Roles(Role.PRODUCT_MANAGER)
  exportIdeas(
    @CurrentUser() viewer: Viewer,
    // Typed without `| null`: the validation pipe reads the class from the parameter's type.
    @Args('filter', { type: () => IdeaFilter, nullable: true }) filter: IdeaFilter,
  ): Promise<ExportJobEntity> {
    return this.exports.request(viewer, decodeIdeaFilter(filter));
  }

  @Query(() => ExportJobType, { nullable: true })
  exportJob(
    @CurrentUser() viewer: Viewer | null,
    @Args('id', { type: () => ID }) id: string,
    @Context() ctx: RequestContext,
  ): Promise<ExportJobEntity | null> {
    return this.exports.findOwn(ctx.loaders, viewer, fromGlobalId(id, 'ExportJob', 'id'));
  }

  @ResolveField('downloadUrl', () => String, { nullable: true })
  downloadUrl(@Parent() job: ExportJobEntity): string | null {
    return this.exports.downloadUrl(job);
  }
}
