import { Tx } from '@app/core';
import { Injectable } from '@nestjs/common';
import { MemberCareProfile, toProfile } from './member-care-profile';
import { CareMembersRepository } from './segments.repository';

/** Segments: how the company keeps the relationship with each group of customers. */
@Injectable()
export class SegmentsService {
  constructor(private readonly members: CareMembersRepository) {}

  /** The member's segment settings and dedicated rep; a member without a segment gets defaults. */
  async profileOf(memberId: string, tx?: Tx): Promise<MemberCareProfile> {
    return toProfile(await this.members.profileRow(memberId, tx));
  }
}
