import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The change log the engagement index follows (libs/analytics/src/resident/engagement-index.ts):
 * triggers note, in the writer's own transaction, which member's registrations, club memberships
 * or badge awards changed, and which event, account or club row changed, with the writer's
 * transaction id. A reader takes the keys at or above its watermark, reads those rows again and
 * moves the watermark to the oldest transaction still running, so nothing committed late is
 * missed. Rows older than ten minutes are deleted by the readers. TRUNCATE notes '*' (load all).
 */
export class AddEngagementChangeLog1796055111811 implements MigrationInterface {
    name = 'AddEngagementChangeLog1796055111811'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "analytics_changes" (
                "xid" xid8 NOT NULL DEFAULT pg_current_xact_id(),
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "kind" "char" NOT NULL,
                "key" uuid NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "analytics_changes_xid_idx" ON "analytics_changes" ("xid")
        `);
        // TG_ARGV[0]: the kind; the key is the row's member_id (per-member rows) or its id
        await queryRunner.query(`
            CREATE FUNCTION "analytics_note_member"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP <> 'INSERT' THEN
                    INSERT INTO "analytics_changes" ("kind", "key") VALUES (TG_ARGV[0]::"char", OLD."member_id");
                END IF;
                IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW."member_id" <> OLD."member_id") THEN
                    INSERT INTO "analytics_changes" ("kind", "key") VALUES (TG_ARGV[0]::"char", NEW."member_id");
                END IF;
                RETURN NULL;
            END $$
        `);
        await queryRunner.query(`
            CREATE FUNCTION "analytics_note_row"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO "analytics_changes" ("kind", "key")
                VALUES (TG_ARGV[0]::"char", CASE WHEN TG_OP = 'DELETE' THEN OLD."id" ELSE NEW."id" END);
                RETURN NULL;
            END $$
        `);
        await queryRunner.query(`
            CREATE FUNCTION "analytics_note_all"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO "analytics_changes" ("kind", "key") VALUES ('*', '00000000-0000-0000-0000-000000000000');
                RETURN NULL;
            END $$
        `);
        const counted = `('REGISTERED', 'ATTENDED', 'NO_SHOW')`;
        const triggers: Array<[string, string, string, string, string]> = [
            // table, kind, function, columns an update must touch, condition
            ["registrations", "r", "analytics_note_member", `"status", "event_id", "member_id"`,
                `(OLD."status" IN ${counted} OR NEW."status" IN ${counted})`],
            ["club_memberships", "c", "analytics_note_member", `"club_id", "member_id", "joined_at", "left_at"`, "true"],
            ["badge_awards", "b", "analytics_note_member", `"member_id", "awarded_at", "revoked_at", "erased_at"`, "true"],
            ["events", "e", "analytics_note_row", `"status", "kind", "unit_id", "club_id", "starts_at", "ends_at"`, "true"],
            ["members", "m", "analytics_note_row", `"role", "unit_id", "birth_date", "joined_at"`, "true"],
            ["clubs", "k", "analytics_note_row", `"name", "unit_id", "archived_at"`, "true"],
        ];
        for (const [table, kind, fn, columns, when] of triggers) {
            const insertWhen = table === "registrations" ? `WHEN (NEW."status" IN ${counted})` : "";
            const deleteWhen = table === "registrations" ? `WHEN (OLD."status" IN ${counted})` : "";
            await queryRunner.query(`
                CREATE TRIGGER "${table}_analytics_insert" AFTER INSERT ON "${table}"
                FOR EACH ROW ${insertWhen} EXECUTE FUNCTION "${fn}"('${kind}')
            `);
            await queryRunner.query(`
                CREATE TRIGGER "${table}_analytics_update" AFTER UPDATE OF ${columns} ON "${table}"
                FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION "${fn}"('${kind}')
            `);
            await queryRunner.query(`
                CREATE TRIGGER "${table}_analytics_delete" AFTER DELETE ON "${table}"
                FOR EACH ROW ${deleteWhen} EXECUTE FUNCTION "${fn}"('${kind}')
            `);
            await queryRunner.query(`
                CREATE TRIGGER "${table}_analytics_truncate" AFTER TRUNCATE ON "${table}"
                FOR EACH STATEMENT EXECUTE FUNCTION "analytics_note_all"()
            `);
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const table of ["registrations", "club_memberships", "badge_awards", "events", "members", "clubs"]) {
            for (const op of ["insert", "update", "delete", "truncate"]) {
                await queryRunner.query(`DROP TRIGGER "${table}_analytics_${op}" ON "${table}"`);
            }
        }
        await queryRunner.query(`DROP FUNCTION "analytics_note_all"()`);
        await queryRunner.query(`DROP FUNCTION "analytics_note_row"()`);
        await queryRunner.query(`DROP FUNCTION "analytics_note_member"()`);
        await queryRunner.query(`DROP TABLE "analytics_changes"`);
    }
}
