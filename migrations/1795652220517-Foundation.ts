import { MigrationInterface, QueryRunner } from "typeorm";

export class Foundation1795652220517 implements MigrationInterface {
    name = 'Foundation1795652220517'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."unit_level" AS ENUM('REGION', 'CITY', 'DISTRICT')
        `);
        await queryRunner.query(`
            CREATE TABLE "units" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" character varying(100) NOT NULL,
                "level" "public"."unit_level" NOT NULL,
                "parent_id" uuid,
                "name_kk" character varying(200) NOT NULL,
                "name_ru" character varying(200) NOT NULL,
                "name_en" character varying(200) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "units_code_format_chk" CHECK ("code" ~ '^[a-z0-9-]+(\\.[a-z0-9-]+)*$'),
                CONSTRAINT "units_root_is_region_chk" CHECK (("level" = 'REGION') = ("parent_id" IS NULL)),
                CONSTRAINT "PK_5a8f2f064919b587d93936cb223" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "units_code_key" ON "units" ("code")
        `);
        await queryRunner.query(`
            CREATE INDEX "units_parent_id_idx" ON "units" ("parent_id")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."institution_kind" AS ENUM('UNIVERSITY', 'COLLEGE', 'SCHOOL', 'OTHER')
        `);
        await queryRunner.query(`
            CREATE TABLE "clubs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "unit_id" uuid NOT NULL,
                "name" character varying(200) NOT NULL,
                "institution" character varying(300),
                "institution_kind" "public"."institution_kind",
                "archived_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "clubs_institution_kind_chk" CHECK (
                    ("institution" IS NULL) = ("institution_kind" IS NULL)
                ),
                CONSTRAINT "clubs_name_length_chk" CHECK (
                    char_length(btrim("name")) BETWEEN 3 AND 200
                ),
                CONSTRAINT "PK_bb09bd0c8d5238aeaa8f86ee0d4" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "clubs_unit_id_idx" ON "clubs" ("unit_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "clubs_unit_name_active_key" ON "clubs" ("unit_id", "name")
            WHERE "archived_at" IS NULL
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."member_role" AS ENUM('MEMBER', 'COORDINATOR', 'COMMISSION', 'ADMIN')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."member_locale" AS ENUM('KK', 'RU', 'EN')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."member_status" AS ENUM('ACTIVE', 'SUSPENDED', 'WITHDRAWN')
        `);
        await queryRunner.query(`
            CREATE TABLE "members" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "full_name" character varying(200) COLLATE "kk-KZ-x-icu" NOT NULL,
                "email" character varying(254),
                "phone" character varying(16),
                "birth_date" date,
                "iin_ciphertext" text,
                "iin_hash" character(64),
                "password_hash" character varying(200),
                "role" "public"."member_role" NOT NULL DEFAULT 'MEMBER',
                "locale" "public"."member_locale" NOT NULL DEFAULT 'KK',
                "unit_id" uuid,
                "membership_number" character varying(32),
                "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "status" "public"."member_status" NOT NULL DEFAULT 'ACTIVE',
                "anonymized_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "members_email_lower_chk" CHECK ("email" = lower("email")),
                CONSTRAINT "members_phone_e164_chk" CHECK (
                    "phone" IS NULL
                    OR "phone" ~ '^\\+[1-9][0-9]{7,14}$'
                ),
                CONSTRAINT "members_iin_pair_chk" CHECK (
                    ("iin_ciphertext" IS NULL) = ("iin_hash" IS NULL)
                ),
                CONSTRAINT "members_young_member_fields_chk" CHECK (
                    "role" <> 'MEMBER'
                    OR (
                        "birth_date" IS NOT NULL
                        AND "membership_number" IS NOT NULL
                    )
                ),
                CONSTRAINT "members_contact_unless_withdrawn_chk" CHECK (
                    "status" = 'WITHDRAWN'
                    OR (
                        "email" IS NOT NULL
                        AND "password_hash" IS NOT NULL
                    )
                ),
                CONSTRAINT "PK_28b53062261b996d9c99fa12404" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "members_email_key" ON "members" ("email")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "members_iin_hash_key" ON "members" ("iin_hash")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "members_membership_number_key" ON "members" ("membership_number")
        `);
        await queryRunner.query(`
            CREATE INDEX "members_unit_id_idx" ON "members" ("unit_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "membership_counters" (
                "prefix" character varying(5) NOT NULL,
                "year" integer NOT NULL,
                "last_value" integer NOT NULL,
                CONSTRAINT "PK_ac809ab8a7377be0f09c47d4b8b" PRIMARY KEY ("prefix", "year")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "club_memberships" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "member_id" uuid NOT NULL,
                "club_id" uuid NOT NULL,
                "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "left_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_9477d0dd52aeb1544fa933dcdd8" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "club_memberships_club_active_idx" ON "club_memberships" ("club_id")
            WHERE "left_at" IS NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "club_memberships_active_key" ON "club_memberships" ("member_id", "club_id")
            WHERE "left_at" IS NULL
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."consent_given_by" AS ENUM('SELF', 'GUARDIAN')
        `);
        await queryRunner.query(`
            CREATE TABLE "consents" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "member_id" uuid NOT NULL,
                "text_version" character varying(40) NOT NULL,
                "given_by" "public"."consent_given_by" NOT NULL,
                "guardian_name" character varying(200),
                "guardian_phone" character varying(16),
                "given_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "withdrawn_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "consents_guardian_details_chk" CHECK (
                    "given_by" <> 'GUARDIAN'
                    OR "withdrawn_at" IS NOT NULL
                    OR (
                        "guardian_name" IS NOT NULL
                        AND "guardian_phone" IS NOT NULL
                    )
                ),
                CONSTRAINT "PK_9efc68eb6aba7d638fb6ea034dd" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "consents_member_id_idx" ON "consents" ("member_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "member_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revoked_reason" character varying(32),
                CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "sessions_member_id_idx" ON "sessions" ("member_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "refresh_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "refresh_tokens_token_hash_key" ON "refresh_tokens" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE INDEX "refresh_tokens_session_id_idx" ON "refresh_tokens" ("session_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "staff_assignments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "member_id" uuid NOT NULL,
                "unit_id" uuid,
                "club_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "staff_assignments_one_target_chk" CHECK (num_nonnulls("unit_id", "club_id") = 1),
                CONSTRAINT "PK_ab013446523a48ceb9b14144530" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "staff_assignments_club_id_idx" ON "staff_assignments" ("club_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "staff_assignments_club_key" ON "staff_assignments" ("member_id", "club_id")
            WHERE "club_id" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "staff_assignments_unit_key" ON "staff_assignments" ("member_id", "unit_id")
            WHERE "unit_id" IS NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "units"
            ADD CONSTRAINT "units_parent_id_fk" FOREIGN KEY ("parent_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "clubs"
            ADD CONSTRAINT "clubs_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "members"
            ADD CONSTRAINT "members_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "club_memberships"
            ADD CONSTRAINT "club_memberships_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "club_memberships"
            ADD CONSTRAINT "club_memberships_club_id_fk" FOREIGN KEY ("club_id") REFERENCES "clubs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "consents"
            ADD CONSTRAINT "consents_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD CONSTRAINT "sessions_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "refresh_tokens"
            ADD CONSTRAINT "refresh_tokens_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "staff_assignments"
            ADD CONSTRAINT "staff_assignments_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "staff_assignments"
            ADD CONSTRAINT "staff_assignments_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "staff_assignments"
            ADD CONSTRAINT "staff_assignments_club_id_fk" FOREIGN KEY ("club_id") REFERENCES "clubs"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "staff_assignments" DROP CONSTRAINT "staff_assignments_club_id_fk"
        `);
        await queryRunner.query(`
            ALTER TABLE "staff_assignments" DROP CONSTRAINT "staff_assignments_unit_id_fk"
        `);
        await queryRunner.query(`
            ALTER TABLE "staff_assignments" DROP CONSTRAINT "staff_assignments_member_id_fk"
        `);
        await queryRunner.query(`
            ALTER TABLE "refresh_tokens" DROP CONSTRAINT "refresh_tokens_session_id_fk"
        `);
        await queryRunner.query(`
            ALTER TABLE "sessions" DROP CONSTRAINT "sessions_member_id_fk"
        `);
        await queryRunner.query(`
            ALTER TABLE "consents" DROP CONSTRAINT "consents_member_id_fk"
        `);
        await queryRunner.query(`
            ALTER TABLE "club_memberships" DROP CONSTRAINT "club_memberships_club_id_fk"
        `);
        await queryRunner.query(`
            ALTER TABLE "club_memberships" DROP CONSTRAINT "club_memberships_member_id_fk"
        `);
        await queryRunner.query(`
            ALTER TABLE "members" DROP CONSTRAINT "members_unit_id_fk"
        `);
        await queryRunner.query(`
            ALTER TABLE "clubs" DROP CONSTRAINT "clubs_unit_id_fk"
        `);
        await queryRunner.query(`
            ALTER TABLE "units" DROP CONSTRAINT "units_parent_id_fk"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."staff_assignments_unit_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."staff_assignments_club_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."staff_assignments_club_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "staff_assignments"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."refresh_tokens_session_id_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."refresh_tokens_token_hash_key"
        `);
        await queryRunner.query(`
            DROP TABLE "refresh_tokens"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."sessions_member_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "sessions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."consents_member_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "consents"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."consent_given_by"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."club_memberships_active_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."club_memberships_club_active_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "club_memberships"
        `);
        await queryRunner.query(`
            DROP TABLE "membership_counters"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."members_unit_id_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."members_membership_number_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."members_iin_hash_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."members_email_key"
        `);
        await queryRunner.query(`
            DROP TABLE "members"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."member_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."member_locale"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."member_role"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."clubs_unit_name_active_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."clubs_unit_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "clubs"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."institution_kind"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."units_parent_id_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."units_code_key"
        `);
        await queryRunner.query(`
            DROP TABLE "units"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."unit_level"
        `);
    }

}
