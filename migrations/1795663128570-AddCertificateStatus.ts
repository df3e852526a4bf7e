import { MigrationInterface, QueryRunner } from "typeorm";

export class AddCertificateStatus1795663128570 implements MigrationInterface {
    name = 'AddCertificateStatus1795663128570'
    // Certificates issued before this migration keep a credential without credentialStatus (their
    // revocation shows on our page only); reissuing gives one that carries its status-list bit.

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD "status_index" SERIAL NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "UQ_84a591637195dc4cbc256ddd139" UNIQUE ("status_index")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "UQ_84a591637195dc4cbc256ddd139"
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates" DROP COLUMN "status_index"
        `);
    }

}
