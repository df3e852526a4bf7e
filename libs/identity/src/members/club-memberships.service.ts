import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Page, canonicalEmail, cursorGuard, cursorText, encodeCursor, isUuid } from '@yvc/core';
import { ClubsService } from '@yvc/org';
import { IsNull, Repository } from 'typeorm';
import { ClubMembership } from './club-membership.entity';
import { Member } from './member.entity';
import { normalizeKzMobile } from '../rules/phone';

export interface MemberCursor {
  n: string;
  i: string;
}

export const isMemberCursor = cursorGuard<MemberCursor>({ n: cursorText(200), i: isUuid });

@Injectable()
export class ClubMembershipsService {
  constructor(
    @InjectRepository(ClubMembership) private readonly memberships: Repository<ClubMembership>,
    @InjectRepository(Member) private readonly members: Repository<Member>,
    private readonly clubs: ClubsService,
  ) {}

  /** Joining twice is harmless: the partial unique index keeps one active membership. */
  async join(memberId: string, clubId: string): Promise<void> {
    await this.clubs.getActive(clubId);
    await this.memberships.query(
      `INSERT INTO club_memberships (member_id, club_id) VALUES ($1, $2)
       ON CONFLICT (member_id, club_id) WHERE left_at IS NULL DO NOTHING`,
      [memberId, clubId],
    );
  }

  async leave(memberId: string, clubId: string): Promise<void> {
    await this.clubs.get(clubId);
    await this.memberships.update({ memberId, clubId, leftAt: IsNull() }, { leftAt: () => 'now()' });
  }

  /** Active club ids per member, for the member.clubs loader. */
  async clubIdsByMember(memberIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows: Array<{ member_id: string; club_id: string }> = memberIds.length
      ? await this.memberships.query(
          `SELECT cm.member_id, cm.club_id FROM club_memberships cm JOIN clubs c ON c.id = cm.club_id
           WHERE cm.member_id = ANY($1::uuid[]) AND cm.left_at IS NULL
           ORDER BY c.name COLLATE "kk-KZ-x-icu"`,
          [memberIds],
        )
      : [];
    const map = new Map<string, string[]>();
    for (const r of rows) map.set(r.member_id, [...(map.get(r.member_id) ?? []), r.club_id]);
    return map;
  }

  /** Active members per club, for the club.memberCount loader (one query for many clubs). */
  async countByClub(clubIds: readonly string[]): Promise<Map<string, number>> {
    const rows: Array<{ club_id: string; n: number }> = clubIds.length
      ? await this.memberships.query(
          `SELECT club_id, count(*)::int AS n FROM club_memberships
           WHERE club_id = ANY($1::uuid[]) AND left_at IS NULL GROUP BY club_id`,
          [clubIds],
        )
      : [];
    return new Map(rows.map((r) => [r.club_id, r.n]));
  }

  /**
   * A club's active members in Kazakh alphabetical order (ICU collation), keyset-paginated;
   * `search` matches any part of the name or of the membership number, case-insensitively;
   * an e-mail address or a Kazakh mobile number (any form) matches that contact exactly.
   */
  async listMembers(
    clubId: string,
    search: string | null,
    first: number,
    after?: MemberCursor,
  ): Promise<Page<Member>> {
    const qb = this.members
      .createQueryBuilder('m')
      .innerJoin(
        ClubMembership,
        'cm',
        'cm.member_id = m.id AND cm.left_at IS NULL AND cm.club_id = :clubId',
        { clubId },
      );
    const term = search?.trim();
    const phone = term ? normalizeKzMobile(term) : null;
    if (term?.includes('@')) {
      qb.andWhere('m.email = :email', { email: canonicalEmail(term) });
    } else if (phone) {
      qb.andWhere('m.phone = :phone', { phone });
    } else if (term) {
      const like = term.replace(/[\\%_]/g, (c) => `\\${c}`);
      qb.andWhere(
        `(m.full_name ILIKE :pattern ESCAPE '\\' OR m.membership_number ILIKE :pattern ESCAPE '\\')`,
        {
          pattern: `%${like}%`,
        },
      );
    }
    const totalCount = await qb.clone().getCount();
    if (after)
      qb.andWhere('(m.full_name, m.id) > (:n COLLATE "kk-KZ-x-icu", :i::uuid)', { n: after.n, i: after.i });
    const rows = await qb
      .orderBy('m.full_name', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .limit(first + 1)
      .getMany();
    return {
      items: rows.slice(0, first),
      hasNextPage: rows.length > first,
      totalCount,
      cursorOf: (m) => encodeCursor({ n: m.fullName, i: m.id }),
    };
  }
}
