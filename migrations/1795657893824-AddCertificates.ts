import { MigrationInterface, QueryRunner } from "typeorm";

export class AddCertificates1795657893824 implements MigrationInterface {
    name = 'AddCertificates1795657893824'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."certificate_status" AS ENUM('VALID', 'REVOKED')
        `);
        await queryRunner.query(`
            CREATE TABLE "certificates" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "number" character varying(48) NOT NULL,
                "member_id" uuid NOT NULL,
                "status" "public"."certificate_status" NOT NULL DEFAULT 'VALID',
                "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revoked_reason" character varying(500),
                "issued_by" uuid,
                "kid" character varying(100) NOT NULL,
                "credential" text NOT NULL,
                CONSTRAINT "PK_e4c7e31e2144300bea7d89eb165" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "certificates_number_key" ON "certificates" ("number")
        `);
        await queryRunner.query(`
            CREATE INDEX "certificates_member_id_idx" ON "certificates" ("member_id", "issued_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "certificates_one_valid_per_member_key" ON "certificates" ("member_id")
            WHERE "status" = 'VALID'
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "certificates_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "certificates_issued_by_fk" FOREIGN KEY ("issued_by") REFERENCES "members"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "certificates_issued_by_fk"
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "certificates_member_id_fk"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."certificates_one_valid_per_member_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."certificates_member_id_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."certificates_number_key"
        `);
        await queryRunner.query(`
            DROP TABLE "certificates"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."certificate_status"
        `);
    }

}
