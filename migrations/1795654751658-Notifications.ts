import { MigrationInterface, QueryRunner } from "typeorm";

export class Notifications1795654751658 implements MigrationInterface {
    name = 'Notifications1795654751658'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."notification_kind" AS ENUM(
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
            CREATE TABLE "notifications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "member_id" uuid NOT NULL,
                "kind" "public"."notification_kind" NOT NULL,
                "dedup_key" character varying(200) NOT NULL,
                "event_id" uuid,
                "registration_id" uuid,
                "params" jsonb NOT NULL,
                "in_app" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "read_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "notifications_dedup_key" ON "notifications" ("dedup_key")
        `);
        await queryRunner.query(`
            CREATE INDEX "notifications_member_idx" ON "notifications" ("member_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."delivery_channel" AS ENUM('EMAIL', 'SMS')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."delivery_status" AS ENUM(
                'PENDING',
                'SENDING',
                'SENT',
                'FAILED',
                'SKIPPED'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "deliveries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "notification_id" uuid NOT NULL,
                "channel" "public"."delivery_channel" NOT NULL,
                "status" "public"."delivery_status" NOT NULL DEFAULT 'PENDING',
                "attempts" integer NOT NULL DEFAULT '0',
                "send_after" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "lease_until" TIMESTAMP WITH TIME ZONE,
                "provider_message_id" character varying(200),
                "last_error" character varying(500),
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "deliveries_sent_chk" CHECK (("status" = 'SENT') = ("sent_at" IS NOT NULL)),
                CONSTRAINT "deliveries_attempts_chk" CHECK ("attempts" >= 0),
                CONSTRAINT "PK_a6ef225c5c5f0974e503bfb731f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "deliveries_status_idx" ON "deliveries" ("status", "send_after")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "deliveries_notification_channel_key" ON "deliveries" ("notification_id", "channel")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."account_token_purpose" AS ENUM('PASSWORD_RESET', 'EMAIL_VERIFICATION')
        `);
        await queryRunner.query(`
            CREATE TABLE "account_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "member_id" uuid NOT NULL,
                "purpose" "public"."account_token_purpose" NOT NULL,
                "token_hash" character(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5e3640c493cc6206a44b885e6a9" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "account_tokens_token_hash_key" ON "account_tokens" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE INDEX "account_tokens_member_idx" ON "account_tokens" ("member_id", "purpose")
        `);
        await queryRunner.query(`
            ALTER TABLE "members"
            ADD "email_opt_in" boolean NOT NULL DEFAULT true
        `);
        await queryRunner.query(`
            ALTER TABLE "members"
            ADD "sms_opt_in" boolean NOT NULL DEFAULT false
        `);
        await queryRunner.query(`
            ALTER TABLE "members"
            ADD "time_zone" character varying(64) NOT NULL DEFAULT 'Asia/Almaty'
        `);
        await queryRunner.query(`
            ALTER TABLE "members"
            ADD "email_verified_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."outbox_kind"
            RENAME TO "outbox_kind_old"
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."outbox_kind" AS ENUM(
                'REGISTERED',
                'WAITLISTED',
                'PROMOTED',
                'REGISTRATION_CANCELLED',
                'EVENT_CANCELLED',
                'EVENT_MOVED',
                'PASSWORD_RESET',
                'EMAIL_VERIFICATION'
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_outbox"
            ALTER COLUMN "kind" TYPE "public"."outbox_kind" USING "kind"::"text"::"public"."outbox_kind"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."outbox_kind_old"
        `);
        await queryRunner.query(`
            ALTER TABLE "deliveries"
            ADD CONSTRAINT "deliveries_notification_id_fk" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "account_tokens"
            ADD CONSTRAINT "account_tokens_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "account_tokens" DROP CONSTRAINT "account_tokens_member_id_fk"
        `);
        await queryRunner.query(`
            ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_notification_id_fk"
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."outbox_kind_old" AS ENUM(
                'REGISTERED',
                'WAITLISTED',
                'PROMOTED',
                'REGISTRATION_CANCELLED',
                'EVENT_CANCELLED',
                'EVENT_MOVED'
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
            ALTER TABLE "members" DROP COLUMN "email_verified_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "members" DROP COLUMN "time_zone"
        `);
        await queryRunner.query(`
            ALTER TABLE "members" DROP COLUMN "sms_opt_in"
        `);
        await queryRunner.query(`
            ALTER TABLE "members" DROP COLUMN "email_opt_in"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."account_tokens_member_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."account_tokens_token_hash_key"
        `);
        await queryRunner.query(`
            DROP TABLE "account_tokens"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."account_token_purpose"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."deliveries_notification_channel_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."deliveries_status_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "deliveries"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."delivery_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."delivery_channel"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."notifications_member_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."notifications_dedup_key"
        `);
        await queryRunner.query(`
            DROP TABLE "notifications"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."notification_kind"
        `);
    }

}
