using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WaitingCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WaitingCounts",
                columns: table => new
                {
                    HallId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Priority = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Waiting = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WaitingCounts", x => new { x.HallId, x.ServiceItemId, x.Priority });
                });

            // Kept by the database: every write that moves a ticket into or out of an item's general
            // queue adjusts its count in the same transaction, whatever code path made it.
            migrationBuilder.Sql("""
                INSERT INTO "WaitingCounts" ("HallId", "ServiceItemId", "Priority", "Waiting")
                SELECT "HallId", "ServiceItemId", "Priority", COUNT(*) FROM "Tickets"
                WHERE "Status" = 'Waiting' AND "TargetCounterId" IS NULL
                GROUP BY "HallId", "ServiceItemId", "Priority";
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION "Tickets_KeepWaitingCounts"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."Status" = 'Waiting' AND OLD."TargetCounterId" IS NULL THEN
                        UPDATE "WaitingCounts" SET "Waiting" = "Waiting" - 1
                        WHERE "HallId" = OLD."HallId" AND "ServiceItemId" = OLD."ServiceItemId" AND "Priority" = OLD."Priority";
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."Status" = 'Waiting' AND NEW."TargetCounterId" IS NULL THEN
                        INSERT INTO "WaitingCounts" ("HallId", "ServiceItemId", "Priority", "Waiting")
                        VALUES (NEW."HallId", NEW."ServiceItemId", NEW."Priority", 1)
                        ON CONFLICT ("HallId", "ServiceItemId", "Priority")
                        DO UPDATE SET "Waiting" = "WaitingCounts"."Waiting" + 1;
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Tickets_WaitingCounts"
                AFTER INSERT OR DELETE OR UPDATE OF "Status", "TargetCounterId", "ServiceItemId", "Priority", "HallId" ON "Tickets"
                FOR EACH ROW EXECUTE FUNCTION "Tickets_KeepWaitingCounts"();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "TR_Tickets_WaitingCounts" ON "Tickets";""");
            migrationBuilder.Sql("""DROP FUNCTION "Tickets_KeepWaitingCounts"();""");
            migrationBuilder.DropTable(
                name: "WaitingCounts");
        }
    }
}
