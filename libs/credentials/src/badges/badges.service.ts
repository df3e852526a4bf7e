import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, Clock, CommonError, Locale, commonError, isUuid } from '@yvc/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { returnedRows } from '@yvc/database';
import { MemberStatus, MembersService } from '@yvc/identity';
import { DataSource, EntityManager, In } from 'typeorm';
import { SigningKeys } from '../keys/signing-keys.service';
import { BadgeAward } from './badge-award.entity';
import { BadgeClass } from './badge-class.entity';
import { openBadgeCredential } from './badge-credential';
import { BadgeRule, parseRule, ruleCondition } from './badge-rules';
import { BadgesError, badgesError } from './badges.errors';

/** data/badges.json (also copied to dist/data by the build). */
export const BADGES_FILE = join(__dirname, '..', '..', '..', '..', 'data', 'badges.json');

type Texts = Record<Locale, string>;
export interface BadgeClassInput {
  code: string;
  name: Texts;
  description: Texts;
  criteria: Texts;
  rule: BadgeRule;
}

const CODE_RE = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** Reads and checks a catalogue file; throws naming the first bad entry. */
export function readBadgeCatalogue(file = BADGES_FILE): BadgeClassInput[] {
  const list = JSON.parse(readFileSync(file, 'utf8')) as BadgeClassInput[];
  if (!Array.isArray(list)) throw new Error(`${file}: expected a list of badges`);
  const seen = new Set<string>();
  for (const b of list) {
    if (!CODE_RE.test(b?.code ?? '') || seen.has(b.code))
      throw new Error(`${file}: bad or repeated code ${b?.code}`);
    seen.add(b.code);
    for (const field of ['name', 'description', 'criteria'] as const)
      for (const l of ['kk', 'ru', 'en'] as const)
        if (typeof b[field]?.[l] !== 'string' || !b[field][l].trim())
          throw new Error(`${file}: badge ${b.code} has no ${field}.${l}`);
    b.rule = parseRule(b.code, b.rule);
  }
  return list;
}

/**
 * Upserts the catalogue by code in one transaction (idempotent); returns how many badges it holds.
 * A plain function on a DataSource, so the CLI loads badges without loading the signing keys.
 */
export async function importBadgeCatalogue(db: DataSource, file = BADGES_FILE): Promise<number> {
  const list = readBadgeCatalogue(file);
  await db.transaction(async (em) => {
    for (const b of list) {
      await em.query(
        `INSERT INTO badge_classes (code, name_kk, name_ru, name_en, description_kk, description_ru, description_en,
           criteria_kk, criteria_ru, criteria_en, rule, manual)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (code) DO UPDATE SET name_kk = EXCLUDED.name_kk, name_ru = EXCLUDED.name_ru, name_en = EXCLUDED.name_en,
           description_kk = EXCLUDED.description_kk, description_ru = EXCLUDED.description_ru,
           description_en = EXCLUDED.description_en, criteria_kk = EXCLUDED.criteria_kk,
           criteria_ru = EXCLUDED.criteria_ru, criteria_en = EXCLUDED.criteria_en, rule = EXCLUDED.rule,
           manual = EXCLUDED.manual`,
        [
          b.code,
          b.name.kk,
          b.name.ru,
          b.name.en,
          b.description.kk,
          b.description.ru,
          b.description.en,
          b.criteria.kk,
          b.criteria.ru,
          b.criteria.en,
          JSON.stringify(b.rule),
          b.rule.type === 'manual',
        ],
      );
    }
  });
  return list.length;
}

/** A badge's texts in one language. */
export function badgeTexts(
  c: BadgeClass,
  locale: Locale,
): { name: string; description: string; criteria: string } {
  const suffix = ({ kk: 'Kk', ru: 'Ru', en: 'En' } as const)[locale];
  return {
    name: c[`name${suffix}`],
    description: c[`description${suffix}`],
    criteria: c[`criteria${suffix}`],
  };
}

const toLocale = (memberLocale: string | null | undefined): Locale =>
  (({ KK: 'kk', RU: 'ru', EN: 'en' }) as Record<string, Locale>)[memberLocale ?? ''] ?? 'kk';

/**
 * Badges: the catalogue (data), the rule evaluator (SQL over attendances), awards with their signed
 * Open Badges 3.0 credentials, and revocation through a Bitstring Status List.
 */
@Injectable()
export class BadgesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: SigningKeys,
    private readonly clock: Clock,
    private readonly members: MembersService,
  ) {}

  /** A member's badges as plain data, for their data export (the signed credential too). */
  exportForMember(memberId: string): Promise<Array<Record<string, unknown>>> {
    return this.db.query(
      `SELECT bc.code AS badge, bc.name_kk AS "nameKk", bc.name_ru AS "nameRu", bc.name_en AS "nameEn",
              ba.awarded_at AS "awardedAt", ba.reason, ba.evidence, ba.revoked_at AS "revokedAt",
              ba.revoked_reason AS "revokedReason", ba.credential
       FROM badge_awards ba JOIN badge_classes bc ON bc.id = ba.badge_class_id
       WHERE ba.member_id = $1 ORDER BY ba.awarded_at`,
      [memberId],
    );
  }

  /** Upserts the catalogue (data/badges.json) by code; idempotent. */
  importCatalogue(file = BADGES_FILE): Promise<number> {
    return importBadgeCatalogue(this.db, file);
  }

  listClasses(): Promise<BadgeClass[]> {
    return this.db.getRepository(BadgeClass).find({ order: { createdAt: 'ASC', code: 'ASC' } });
  }

  findClassesByIds(ids: readonly string[]): Promise<BadgeClass[]> {
    return this.db.getRepository(BadgeClass).findBy({ id: In([...ids]) });
  }

  async classByCode(code: string): Promise<BadgeClass> {
    const c = await this.db.getRepository(BadgeClass).findOneBy({ code: code ?? '' });
    if (!c) throw badgesError(BadgesError.BADGE_NOT_FOUND, { code });
    return c;
  }

  async getAward(id: string): Promise<BadgeAward> {
    const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id ?? '');
    const award = isUuid
      ? await this.db.getRepository(BadgeAward).findOne({ where: { id }, relations: { badgeClass: true } })
      : null;
    if (!award) throw badgesError(BadgesError.BADGE_AWARD_NOT_FOUND);
    return award;
  }

  /** The awards (revoked ones too) of each member, oldest first. */
  async awardsOfMembers(memberIds: readonly string[]): Promise<Map<string, BadgeAward[]>> {
    const rows = await this.db.getRepository(BadgeAward).find({
      where: { memberId: In([...memberIds]) },
      relations: { badgeClass: true },
      order: { awardedAt: 'ASC', statusIndex: 'ASC' },
    });
    const map = new Map<string, BadgeAward[]>();
    for (const r of rows) map.set(r.memberId, [...(map.get(r.memberId) ?? []), r]);
    return map;
  }

  /**
   * Awards every automatic badge whose rule now holds for the member; returns the new awards.
   * Idempotent and safe when run concurrently: the unique (member, badge) index decides.
   */
  async evaluate(memberId: string): Promise<BadgeAward[]> {
    return this.db.transaction(async (em) => {
      // FOR SHARE: a withdrawal of consent waits for this award (and its follow-up erases it), or
      // this evaluation waits for the withdrawal and awards nothing
      const [member]: Array<{ locale: string }> = await em.query(
        `SELECT locale FROM members WHERE id = $1 AND status = 'ACTIVE' AND role = 'MEMBER' FOR SHARE`,
        [memberId],
      );
      if (!member) return [];
      const pending: BadgeClass[] = await em
        .getRepository(BadgeClass)
        .createQueryBuilder('bc')
        .where('NOT bc.manual')
        .andWhere(
          'NOT EXISTS (SELECT 1 FROM badge_awards a WHERE a.member_id = :memberId AND a.badge_class_id = bc.id)',
          { memberId },
        )
        .getMany();
      const params: unknown[] = [memberId, this.clock.now()];
      const parts: string[] = [];
      for (const c of pending) {
        const condition = ruleCondition(c.rule, params);
        if (!condition) continue;
        params.push(c.id);
        parts.push(`SELECT $${params.length}::uuid AS id WHERE ${condition}`);
      }
      if (!parts.length) return [];
      const held: Array<{ id: string }> = await em.query(parts.join('\nUNION ALL\n'), params);
      if (!held.length) return [];
      const [{ n }]: Array<{ n: number }> = await em.query(
        `SELECT count(*)::int AS n FROM registrations WHERE member_id = $1 AND status = 'ATTENDED'`,
        [memberId],
      );
      const earned = pending.filter((c) => held.some((h) => h.id === c.id));
      return this.insertAwards(em, memberId, toLocale(member.locale), null, earned, (c) => ({
        reason: { rule: c.rule },
        evidence: { attendedEvents: n, evaluatedAt: this.clock.now().toISOString() },
      }));
    });
  }

  /** A manual badge given by staff; idempotent (the existing award comes back). */
  async award(memberId: string, badgeCode: string, by: string): Promise<BadgeAward> {
    const badge = await this.classByCode(badgeCode);
    if (!badge.manual)
      throw badgesError(BadgesError.BADGE_NOT_MANUAL, { code: badgeCode }, [
        { field: 'badgeCode', key: 'errors.BADGE_NOT_MANUAL' },
      ]);
    if (!isUuid(memberId)) throw commonError(CommonError.NOT_FOUND);
    return this.db.transaction(async (em) => {
      // a member who withdrew consent is nobody to award (FOR SHARE: see evaluate)
      const [member]: Array<{ locale: string }> = await em.query(
        `SELECT locale FROM members WHERE id = $1 AND status <> 'WITHDRAWN' FOR SHARE`,
        [memberId],
      );
      if (!member) throw commonError(CommonError.NOT_FOUND);
      const [made] = await this.insertAwards(em, memberId, toLocale(member.locale), by, [badge], () => ({
        reason: { manual: true },
        evidence: null,
      }));
      return (
        made ??
        (await em.findOneOrFail(BadgeAward, {
          where: { memberId, badgeClassId: badge.id },
          relations: { badgeClass: true },
        }))
      );
    });
  }

  /** Sets revoked_at (first revocation wins; revoking again changes nothing); the status bit flips. */
  async revoke(awardId: string, reason: string): Promise<BadgeAward> {
    const award = await this.getAward(awardId);
    await this.db.query(
      `UPDATE badge_awards SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`,
      [award.id, (reason ?? '').trim().slice(0, 500) || null],
    );
    return this.getAward(award.id);
  }

  /**
   * After the holder withdrew consent (the CONSENT_WITHDRAWN follow-up): every award of the member
   * is revoked (its status bit set) and its signed credential and evidence dropped. It still counts
   * in aggregate statistics (it was earned: `erased_at`). One conditional UPDATE: running it again,
   * or twice at once, changes nothing more. Does nothing for a member who has not withdrawn.
   */
  async eraseForWithdrawnMember(memberId: string): Promise<number> {
    const member = await this.members.get(memberId).catch(() => null);
    if (!member || member.status !== MemberStatus.WITHDRAWN) return 0;
    const rows = returnedRows(
      await this.db.query(
        `UPDATE badge_awards SET revoked_at = coalesce(revoked_at, $2), revoked_reason = 'consent withdrawn',
           credential = NULL, evidence = NULL, erased_at = $2
         WHERE member_id = $1 AND erased_at IS NULL RETURNING id`,
        [memberId, this.clock.now()],
      ),
    );
    return rows.length;
  }

  /**
   * Members whose membership anniversary for a `memberForDays` badge has passed and who do not hold
   * it yet are evaluated (the daily maintenance job). Returns how many awards were made.
   */
  async evaluateAnniversaries(limit = 5000): Promise<number> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT DISTINCT m.id FROM badge_classes bc
       JOIN members m ON m.status = 'ACTIVE' AND m.role = 'MEMBER'
         AND m.joined_at <= $1::timestamptz - make_interval(days => (bc.rule->>'days')::int)
       WHERE NOT bc.manual AND bc.rule->>'type' = 'memberForDays'
         AND NOT EXISTS (SELECT 1 FROM badge_awards a WHERE a.member_id = m.id AND a.badge_class_id = bc.id)
       LIMIT $2`,
      [this.clock.now(), limit],
    );
    let made = 0;
    for (const r of rows) made += (await this.evaluate(r.id)).length;
    return made;
  }

  verifyUrl(awardId: string): string {
    return `${this.config.PUBLIC_URL.replace(/\/$/, '')}/badges/awards/${awardId}`;
  }

  imageUrl(code: string): string {
    return `${this.config.PUBLIC_URL.replace(/\/$/, '')}/badges/${code}.svg`;
  }

  private async insertAwards(
    em: EntityManager,
    memberId: string,
    locale: Locale,
    by: string | null,
    classes: BadgeClass[],
    why: (c: BadgeClass) => { reason: Record<string, unknown>; evidence: Record<string, unknown> | null },
  ): Promise<BadgeAward[]> {
    if (!classes.length) return [];
    const rows: Array<{ id: string; badge_class_id: string; status_index: number; awarded_at: Date }> =
      await em.query(
        `INSERT INTO badge_awards (member_id, badge_class_id, awarded_by, reason, evidence)
         SELECT $1, x.id, $2, x.reason, x.evidence FROM jsonb_to_recordset($3::jsonb) AS x(id uuid, reason jsonb, evidence jsonb)
         ON CONFLICT (member_id, badge_class_id) DO NOTHING
         RETURNING id, badge_class_id, status_index, awarded_at`,
        [memberId, by, JSON.stringify(classes.map((c) => ({ id: c.id, ...why(c) })))],
      );
    const made: BadgeAward[] = [];
    for (const row of rows) {
      const badge = classes.find((c) => c.id === row.badge_class_id)!;
      const credential = await this.keys.sign(
        openBadgeCredential({
          publicUrl: this.config.PUBLIC_URL,
          issuerName: this.config.CREDENTIAL_ISSUER_NAME,
          awardId: row.id,
          memberId,
          awardedAt: new Date(row.awarded_at),
          statusIndex: row.status_index,
          badge: { code: badge.code, ...badgeTexts(badge, locale) },
        }),
        'vc+jwt',
      );
      await em.query(`UPDATE badge_awards SET credential = $2 WHERE id = $1`, [row.id, credential]);
      made.push(
        await em.findOneOrFail(BadgeAward, { where: { id: row.id }, relations: { badgeClass: true } }),
      );
    }
    return made;
  }
}
