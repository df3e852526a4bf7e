import { MigrationInterface, QueryRunner } from "typeorm";

export class AddRemindersChanged1795668857673 implements MigrationInterface {
    name = 'AddRemindersChanged1795668857673'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // ADD VALUE, not the rename-and-recreate TypeORM generates: no rewrite or long lock of the
        // outbox table (the new value is only used after this transaction commits)
        await queryRunner.query(`
            ALTER TYPE "public"."outbox_kind" ADD VALUE IF NOT EXISTS 'REMINDERS_CHANGED'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DELETE FROM "notification_outbox" WHERE "kind" = 'REMINDERS_CHANGED'
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
                'ATTENDANCE_RECORDED'
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
    }

}
