import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddBadges1795657920997 implements MigrationInterface {
  name = 'AddBadges1795657920997';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "badge_classes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" character varying(64) NOT NULL,
                "name_kk" character varying(200) NOT NULL,
                "name_ru" character varying(200) NOT NULL,
                "name_en" character varying(200) NOT NULL,
                "description_kk" text NOT NULL,
                "description_ru" text NOT NULL,
                "description_en" text NOT NULL,
                "criteria_kk" text NOT NULL,
                "criteria_ru" text NOT NULL,
                "criteria_en" text NOT NULL,
                "rule" jsonb NOT NULL,
                "manual" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_18c9b4fcf849b92ea6d5d71ef9c" UNIQUE ("code"),
                CONSTRAINT "PK_f5bf492ebc4507e8ae865d77fb6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "badge_awards" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "member_id" uuid NOT NULL,
                "badge_class_id" uuid NOT NULL,
                "awarded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "awarded_by" uuid,
                "reason" jsonb,
                "evidence" jsonb,
                "status_index" SERIAL NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revoked_reason" character varying(500),
                "credential" text,
                CONSTRAINT "UQ_2380f80392b5af80f4db16dfb06" UNIQUE ("status_index"),
                CONSTRAINT "PK_5fa679a182a2bd25a7be1ab1e6a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "badge_awards_badge_class_id_idx" ON "badge_awards" ("badge_class_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "badge_awards_member_badge_key" ON "badge_awards" ("member_id", "badge_class_id")
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
                'EMAIL_VERIFICATION',
                'ATTENDANCE_RECORDED'
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
            ALTER TABLE "badge_awards"
            ADD CONSTRAINT "badge_awards_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "badge_awards"
            ADD CONSTRAINT "badge_awards_badge_class_id_fk" FOREIGN KEY ("badge_class_id") REFERENCES "badge_classes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "badge_awards" DROP CONSTRAINT "badge_awards_badge_class_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "badge_awards" DROP CONSTRAINT "badge_awards_member_id_fk"
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
                'EMAIL_VERIFICATION'
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
            DROP INDEX "public"."badge_awards_member_badge_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."badge_awards_badge_class_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "badge_awards"
        `);
    await queryRunner.query(`
            DROP TABLE "badge_classes"
        `);
  }
}
