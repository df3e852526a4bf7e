import { MigrationInterface, QueryRunner } from "typeorm";

export class AddEngagementIndex1795665041067 implements MigrationInterface {
    name = 'AddEngagementIndex1795665041067'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE INDEX "registrations_member_attended_idx" ON "registrations" ("member_id", "event_id")
            WHERE "status" = 'ATTENDED'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."registrations_member_attended_idx"
        `);
    }

}
