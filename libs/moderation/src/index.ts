export * from './moderation.module';
export * from './moderation-worker.module';
export { ModerationLogModule } from './log/moderation-log.module';
export * from './moderation.enums';
export * from './moderation.events';
export type { ModeratableHandler, ModeratableTarget } from './moderatable/moderatable';
export { ModeratableContent } from './moderatable/moderatable-content';
export type { ModeratableRow } from './moderatable/moderatable-content';
export { ModeratableRegistry } from './moderatable/moderatable.registry';
export { ContentScreening } from './screening/content-screening';
export type { ScreenedContent } from './screening/content-screening';
export type { ScreeningVerdict } from './screening/screening-rules';
export { CorrectionsService } from './corrections/corrections.service';
// Entities go out as types only: other libs read the shape of what a service returns, and
// cannot reach the table (no repository can be made of a type).
export type { CorrectionEntity } from './corrections/correction.entity';
export { CorrectionType } from './corrections/correction.type';
export { CorrectPostInput } from './dto/moderation.inputs';
export { FingerprintPurgeProcessor } from './screening/fingerprint-purge.processor';
