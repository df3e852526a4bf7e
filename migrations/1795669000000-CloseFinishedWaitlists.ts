import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Data only: the waitlists of events completed before completing closed them (completeEnded now
 * turns WAITLISTED into CANCELLED, by nobody, when an event ends). Nothing to undo: the rows were
 * dead ends either way.
 */
export class CloseFinishedWaitlists1795669000000 implements MigrationInterface {
    name = 'CloseFinishedWaitlists1795669000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            UPDATE "registrations" r
            SET "status" = 'CANCELLED', "waitlist_seq" = NULL, "cancelled_at" = coalesce(e."completed_at", now()), "updated_at" = now()
            FROM "events" e
            WHERE e."id" = r."event_id" AND e."status" = 'COMPLETED' AND r."status" = 'WAITLISTED'
        `);
    }

    public async down(): Promise<void> {
        // the closed waitlists stay closed
    }

}
