import { MigrationInterface, QueryRunner } from "typeorm";

export class ScopeScansRecordWalkIns1796044837430 implements MigrationInterface {
    name = 'ScopeScansRecordWalkIns1796044837430'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // who registered a member at the door (a walk-in); earlier rows cannot tell a walk-in into a
        // free seat from a registered member found by phone, so they stay NULL
        await queryRunner.query(`
            ALTER TABLE "registrations"
            ADD "recorded_by" uuid
        `);
        // a scan id is unique per event, not across events
        await queryRunner.query(`
            ALTER TABLE "check_in_scans" DROP CONSTRAINT "PK_2a6db4d2318fcbec146e732428d"
        `);
        await queryRunner.query(`
            ALTER TABLE "check_in_scans"
            ADD CONSTRAINT "PK_1515f0cf2a3251189b6c9798d39" PRIMARY KEY ("event_id", "scan_id")
        `);
        // ADD VALUE, not the rename-and-recreate TypeORM generates: no rewrite or long lock of the
        // outbox and notifications tables (the new values are only used after this commits)
        await queryRunner.query(`
            ALTER TYPE "public"."outbox_kind" ADD VALUE IF NOT EXISTS 'WALK_IN_RECORDED'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_kind" ADD VALUE IF NOT EXISTS 'WALK_IN_RECORDED'
        `);
        await queryRunner.query(`
            ALTER TABLE "registrations"
            ADD CONSTRAINT "registrations_recorded_by_chk" CHECK (
                    "recorded_by" IS NULL
                    OR "check_in_method" = 'WALK_IN'
                )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "registrations" DROP CONSTRAINT "registrations_recorded_by_chk"
        `);
        await queryRunner.query(`
            DELETE FROM "notifications" WHERE "kind" = 'WALK_IN_RECORDED'
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."notification_kind_old" AS ENUM(
                'REGISTERED',
                'WAITLISTED',
                'PROMOTED',
                'REGISTRATION_CANCELLED',
                'EVENT_CANCELLED',
                'EVENT_MOVED',
                'REMINDER',
                'PASSWORD_RESET',
                'EMAIL_VERIFICATION'
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications"
            ALTER COLUMN "kind" TYPE "public"."notification_kind_old" USING "kind"::"text"::"public"."notification_kind_old"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."notification_kind"
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_kind_old"
            RENAME TO "notification_kind"
        `);
        await queryRunner.query(`
            DELETE FROM "notification_outbox" WHERE "kind" = 'WALK_IN_RECORDED'
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."outbox_kind_old" AS ENUM(
                'REGISTERED',
                'WAITLISTED',
                'PROMOTED',
                'REGISTRATION_CANCELLED',
                'EVENT_CANCELLED',
                'EVENT_MOVED',
                'PASSWORD_RESET',
                'EMAIL_VERIFICATION',
                'ATTENDANCE_RECORDED',
                'REMINDERS_CHANGED',
                'CONSENT_WITHDRAWN'
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_outbox"
            ALTER COLUMN "kind" TYPE "public"."outbox_kind_old" USING "kind"::"text"::"public"."outbox_kind_old"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."outbox_kind"
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."outbox_kind_old"
            RENAME TO "outbox_kind"
        `);
        await queryRunner.query(`
            ALTER TABLE "check_in_scans" DROP CONSTRAINT "PK_1515f0cf2a3251189b6c9798d39"
        `);
        // a scan id used at several events keeps only its first scan
        await queryRunner.query(`
            DELETE FROM "check_in_scans" s USING "check_in_scans" t
            WHERE s."scan_id" = t."scan_id" AND (s."synced_at", s."event_id") > (t."synced_at", t."event_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "check_in_scans"
            ADD CONSTRAINT "PK_2a6db4d2318fcbec146e732428d" PRIMARY KEY ("scan_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "registrations" DROP COLUMN "recorded_by"
        `);
    }

}
