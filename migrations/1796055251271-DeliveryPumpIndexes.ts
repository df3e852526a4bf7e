import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The delivery pump claims due deliveries per channel in send_after order, and SENDING ones whose
 * lease ran out: two partial indexes hold just those rows. The (status, send_after) index they
 * replace covered every row, SENT ones included.
 */
export class DeliveryPumpIndexes1796055251271 implements MigrationInterface {
    name = 'DeliveryPumpIndexes1796055251271'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."deliveries_status_idx"
        `);
        await queryRunner.query(`
            CREATE INDEX "deliveries_due_idx" ON "deliveries" ("channel", "send_after")
            WHERE "status" = 'PENDING'
        `);
        await queryRunner.query(`
            CREATE INDEX "deliveries_lease_idx" ON "deliveries" ("channel", "lease_until")
            WHERE "status" = 'SENDING'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."deliveries_lease_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."deliveries_due_idx"
        `);
        await queryRunner.query(`
            CREATE INDEX "deliveries_status_idx" ON "deliveries" ("status", "send_after")
        `);
    }
}
