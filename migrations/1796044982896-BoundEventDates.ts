import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The fixed calendar bounds of event-draft.ts: no start before 2020, no event longer than 14 days.
 * Fails on a database that already holds such an event: list them with
 *   SELECT id, starts_at, ends_at FROM events
 *   WHERE starts_at < '2020-01-01T00:00:00Z' OR ends_at > starts_at + interval '14 days';
 * and correct (or delete) them first.
 */

export class BoundEventDates1796044982896 implements MigrationInterface {
    name = 'BoundEventDates1796044982896'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "events"
            ADD CONSTRAINT "events_duration_chk" CHECK ("ends_at" <= "starts_at" + interval '14 days')
        `);
        await queryRunner.query(`
            ALTER TABLE "events"
            ADD CONSTRAINT "events_starts_at_chk" CHECK ("starts_at" >= '2020-01-01T00:00:00Z')
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "events" DROP CONSTRAINT "events_starts_at_chk"
        `);
        await queryRunner.query(`
            ALTER TABLE "events" DROP CONSTRAINT "events_duration_chk"
        `);
    }

}
