import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * events.waitlisted: how many of the event's registrations are WAITLISTED, kept under the event's
 * row lock by every statement that puts someone on or takes someone off the waitlist. A new
 * registration's waitlist position is then this counter (the new row has the highest
 * waitlist_seq), returned by the registration statement itself instead of ranking the whole
 * waitlist per request. Backfilled from the rows.
 */
export class EventWaitlistCounter1796055298628 implements MigrationInterface {
  name = 'EventWaitlistCounter1796055298628';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "events"
            ADD "waitlisted" integer NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            UPDATE "events" e SET "waitlisted" = w.n
            FROM (SELECT "event_id", count(*)::int AS n FROM "registrations" WHERE "status" = 'WAITLISTED' GROUP BY "event_id") w
            WHERE e."id" = w."event_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "events"
            ADD CONSTRAINT "events_waitlisted_chk" CHECK ("waitlisted" BETWEEN 0 AND "waitlist_seq")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "events" DROP CONSTRAINT "events_waitlisted_chk"
        `);
    await queryRunner.query(`
            ALTER TABLE "events" DROP COLUMN "waitlisted"
        `);
  }
}
