export * from './identity.module';
export { KUDO_REPUTATION, rankFor, SOLUTION_REPUTATION } from './reputation';
export { ReputationService } from './reputation.service';
export { UserEntity } from './user.entity';
export { UsersLoader } from './users.loader';
export { UsersService } from './users.service';
export { UserType } from './user.type';
