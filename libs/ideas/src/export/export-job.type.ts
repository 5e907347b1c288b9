import { GlobalIdField, Node } from '@app/core';
import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { ExportStatus } from './export-status';

@ObjectType('ExportJob', { implements: () => [Node] })
export class ExportJobType implements Node {
  @GlobalIdField('ExportJob')
  id!: string;

  @Field(() => ExportStatus)
  status!: ExportStatus;

  @Field(() => Int, { nullable: true, description: 'Rows written so far.' })
  rowCount!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where the finished CSV can be downloaded with the same bearer token.',
  })
  downloadUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the export failed.' })
  error!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}
