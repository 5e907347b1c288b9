import { AuthoredContent } from '@app/core';
import { Column, Entity } from 'typeorm';

/** One message of a case: a reply of its member or of staff, or a note among staff. */
@Entity('care_case_messages')
export class CaseMessageEntity extends AuthoredContent {
  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  /** A note among staff, never shown to the member. */
  @Column('boolean')
  internal!: boolean;
}
