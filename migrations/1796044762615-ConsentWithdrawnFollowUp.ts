import { MigrationInterface, QueryRunner } from "typeorm";

export class ConsentWithdrawnFollowUp1796044762615 implements MigrationInterface {
    name = 'ConsentWithdrawnFollowUp1796044762615'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD "erased_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "badge_awards"
            ADD "erased_at" TIMESTAMP WITH TIME ZONE
        `);
        // ADD VALUE, not the rename-and-recreate TypeORM generates: no rewrite or long lock of the
        // outbox table (the new value is only used after this transaction commits)
        await queryRunner.query(`
            ALTER TYPE "public"."outbox_kind" ADD VALUE IF NOT EXISTS 'CONSENT_WITHDRAWN'
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates"
            ALTER COLUMN "credential" DROP NOT NULL
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // an erased credential stays erased: an empty text, not the signed copy
        await queryRunner.query(`
            UPDATE "certificates" SET "credential" = '' WHERE "credential" IS NULL
        `);
        await queryRunner.query(`
            DELETE FROM "notification_outbox" WHERE "kind" = 'CONSENT_WITHDRAWN'
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates"
            ALTER COLUMN "credential"
            SET NOT NULL
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
                'REMINDERS_CHANGED'
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
            ALTER TABLE "badge_awards" DROP COLUMN "erased_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates" DROP COLUMN "erased_at"
        `);
    }

}
