import { Field, ObjectType } from '@nestjs/graphql';
import { UserEntity } from '../user.entity';
import { UserType } from '../user.type';

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field()
  token!: string;

  @Field(() => UserType)
  user!: UserEntity;
}
