import { MigrationInterface, QueryRunner } from "typeorm";

export class Events1795654140425 implements MigrationInterface {
    name = 'Events1795654140425'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."outbox_kind" AS ENUM(
                'REGISTERED',
                'WAITLISTED',
                'PROMOTED',
                'REGISTRATION_CANCELLED',
                'EVENT_CANCELLED',
                'EVENT_MOVED'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "notification_outbox" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" "public"."outbox_kind" NOT NULL,
                "member_id" uuid NOT NULL,
                "event_id" uuid,
                "registration_id" uuid,
                "payload" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "dispatched_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_83d47c7dba1da2d038749fe757e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "notification_outbox_pending_idx" ON "notification_outbox" ("created_at")
            WHERE "dispatched_at" IS NULL
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."event_kind" AS ENUM(
                'FORUM',
                'DEBATE',
                'TRAINING',
                'MOCK_ELECTION',
                'QUIZ',
                'MEETING',
                'OTHER'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."event_status" AS ENUM('DRAFT', 'PUBLISHED', 'CANCELLED', 'COMPLETED')
        `);
        await queryRunner.query(`
            CREATE TABLE "events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" character varying(200) NOT NULL,
                "description" text,
                "kind" "public"."event_kind" NOT NULL,
                "status" "public"."event_status" NOT NULL DEFAULT 'DRAFT',
                "unit_id" uuid NOT NULL,
                "club_id" uuid,
                "venue_name" character varying(200),
                "venue_address" character varying(300),
                "venue_wheelchair_accessible" boolean NOT NULL DEFAULT false,
                "venue_sign_language" boolean NOT NULL DEFAULT false,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "time_zone" character varying(64) NOT NULL DEFAULT 'Asia/Almaty',
                "capacity" integer NOT NULL,
                "seats_taken" integer NOT NULL DEFAULT '0',
                "walk_ins" integer NOT NULL DEFAULT '0',
                "waitlist_seq" integer NOT NULL DEFAULT '0',
                "reminder_offsets_minutes" integer array NOT NULL DEFAULT '{1440,120}',
                "cancel_reason" character varying(500),
                "published_at" TIMESTAMP WITH TIME ZONE,
                "cancelled_at" TIMESTAMP WITH TIME ZONE,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "events_cancel_reason_chk" CHECK (
                    ("status" = 'CANCELLED') = ("cancel_reason" IS NOT NULL)
                ),
                CONSTRAINT "events_venue_chk" CHECK (
                    ("venue_name" IS NULL) = ("venue_address" IS NULL)
                ),
                CONSTRAINT "events_offsets_chk" CHECK (
                    cardinality("reminder_offsets_minutes") <= 5
                    AND 1 <= ALL("reminder_offsets_minutes")
                    AND 43200 >= ALL("reminder_offsets_minutes")
                ),
                CONSTRAINT "events_title_chk" CHECK (
                    char_length("title") BETWEEN 3 AND 200
                ),
                CONSTRAINT "events_walk_ins_chk" CHECK ("walk_ins" >= 0),
                CONSTRAINT "events_seats_chk" CHECK (
                    "seats_taken" BETWEEN 0 AND "capacity"
                ),
                CONSTRAINT "events_capacity_chk" CHECK (
                    "capacity" BETWEEN 1 AND 100000
                ),
                CONSTRAINT "events_time_order_chk" CHECK ("ends_at" > "starts_at"),
                CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "events_open_ends_at_idx" ON "events" ("ends_at")
            WHERE "status" = 'PUBLISHED'
        `);
        await queryRunner.query(`
            CREATE INDEX "events_club_id_idx" ON "events" ("club_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "events_unit_id_idx" ON "events" ("unit_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "events_starts_at_idx" ON "events" ("starts_at", "id")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."registration_status" AS ENUM(
                'REGISTERED',
                'WAITLISTED',
                'CANCELLED',
                'ATTENDED',
                'NO_SHOW'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."check_in_method" AS ENUM('QR', 'OFFLINE_SYNC', 'WALK_IN')
        `);
        await queryRunner.query(`
            CREATE TABLE "registrations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "member_id" uuid NOT NULL,
                "status" "public"."registration_status" NOT NULL,
                "waitlist_seq" integer,
                "check_in_code" character varying(64) NOT NULL,
                "walk_in" boolean NOT NULL DEFAULT false,
                "checked_in_at" TIMESTAMP WITH TIME ZONE,
                "checked_in_by" uuid,
                "check_in_method" "public"."check_in_method",
                "promoted_at" TIMESTAMP WITH TIME ZONE,
                "cancelled_at" TIMESTAMP WITH TIME ZONE,
                "cancelled_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "registrations_walk_in_chk" CHECK (
                    NOT "walk_in"
                    OR "status" = 'ATTENDED'
                ),
                CONSTRAINT "registrations_attended_chk" CHECK (
                    ("status" = 'ATTENDED') = ("checked_in_at" IS NOT NULL)
                ),
                CONSTRAINT "registrations_waitlist_seq_chk" CHECK (
                    ("status" = 'WAITLISTED') = ("waitlist_seq" IS NOT NULL)
                ),
                CONSTRAINT "PK_6013e724d7b22929da9cd7282d1" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "registrations_check_in_code_key" ON "registrations" ("check_in_code")
        `);
        await queryRunner.query(`
            CREATE INDEX "registrations_member_idx" ON "registrations" ("member_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "registrations_waitlist_idx" ON "registrations" ("event_id", "waitlist_seq")
            WHERE "status" = 'WAITLISTED'
        `);
        await queryRunner.query(`
            CREATE INDEX "registrations_event_status_idx" ON "registrations" ("event_id", "status")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "registrations_active_key" ON "registrations" ("event_id", "member_id")
            WHERE "status" IN ('REGISTERED', 'WAITLISTED', 'ATTENDED')
        `);
        await queryRunner.query(`
            CREATE TABLE "check_in_scans" (
                "scan_id" uuid NOT NULL,
                "event_id" uuid NOT NULL,
                "registration_id" uuid,
                "outcome" character varying(40) NOT NULL,
                "scanned_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "scanned_by" uuid NOT NULL,
                "synced_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_2a6db4d2318fcbec146e732428d" PRIMARY KEY ("scan_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "calendar_feeds" (
                "member_id" uuid NOT NULL,
                "token" character varying(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_57657d60904cddaae1ca5c861cb" PRIMARY KEY ("member_id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "calendar_feeds_token_key" ON "calendar_feeds" ("token")
        `);
        await queryRunner.query(`
            ALTER TABLE "events"
            ADD CONSTRAINT "events_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "events"
            ADD CONSTRAINT "events_club_id_fk" FOREIGN KEY ("club_id") REFERENCES "clubs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "registrations"
            ADD CONSTRAINT "registrations_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "registrations"
            ADD CONSTRAINT "registrations_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "calendar_feeds"
            ADD CONSTRAINT "calendar_feeds_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "calendar_feeds" DROP CONSTRAINT "calendar_feeds_member_id_fk"
        `);
        await queryRunner.query(`
            ALTER TABLE "registrations" DROP CONSTRAINT "registrations_member_id_fk"
        `);
        await queryRunner.query(`
            ALTER TABLE "registrations" DROP CONSTRAINT "registrations_event_id_fk"
        `);
        await queryRunner.query(`
            ALTER TABLE "events" DROP CONSTRAINT "events_club_id_fk"
        `);
        await queryRunner.query(`
            ALTER TABLE "events" DROP CONSTRAINT "events_unit_id_fk"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."calendar_feeds_token_key"
        `);
        await queryRunner.query(`
            DROP TABLE "calendar_feeds"
        `);
        await queryRunner.query(`
            DROP TABLE "check_in_scans"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."registrations_active_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."registrations_event_status_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."registrations_waitlist_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."registrations_member_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."registrations_check_in_code_key"
        `);
        await queryRunner.query(`
            DROP TABLE "registrations"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."check_in_method"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."registration_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."events_starts_at_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."events_unit_id_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."events_club_id_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."events_open_ends_at_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "events"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."event_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."event_kind"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."notification_outbox_pending_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "notification_outbox"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."outbox_kind"
        `);
    }

}
