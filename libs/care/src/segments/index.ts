export { SegmentsService } from './segments.service';
export { SegmentsModule } from './segments.module';
export type { MemberCareProfile } from './member-care-profile';
