using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Migrations.Sqlite.Migrations
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
                    HallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Waiting = table.Column<int>(type: "INTEGER", nullable: false)
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
                CREATE TRIGGER "TR_Tickets_WaitingCounts_Insert" AFTER INSERT ON "Tickets"
                WHEN NEW."Status" = 'Waiting' AND NEW."TargetCounterId" IS NULL
                BEGIN
                    INSERT INTO "WaitingCounts" ("HallId", "ServiceItemId", "Priority", "Waiting")
                    VALUES (NEW."HallId", NEW."ServiceItemId", NEW."Priority", 1)
                    ON CONFLICT ("HallId", "ServiceItemId", "Priority") DO UPDATE SET "Waiting" = "Waiting" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Tickets_WaitingCounts_Leave"
                AFTER UPDATE OF "Status", "TargetCounterId", "ServiceItemId", "Priority", "HallId" ON "Tickets"
                WHEN OLD."Status" = 'Waiting' AND OLD."TargetCounterId" IS NULL
                BEGIN
                    UPDATE "WaitingCounts" SET "Waiting" = "Waiting" - 1
                    WHERE "HallId" = OLD."HallId" AND "ServiceItemId" = OLD."ServiceItemId" AND "Priority" = OLD."Priority";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Tickets_WaitingCounts_Enter"
                AFTER UPDATE OF "Status", "TargetCounterId", "ServiceItemId", "Priority", "HallId" ON "Tickets"
                WHEN NEW."Status" = 'Waiting' AND NEW."TargetCounterId" IS NULL
                BEGIN
                    INSERT INTO "WaitingCounts" ("HallId", "ServiceItemId", "Priority", "Waiting")
                    VALUES (NEW."HallId", NEW."ServiceItemId", NEW."Priority", 1)
                    ON CONFLICT ("HallId", "ServiceItemId", "Priority") DO UPDATE SET "Waiting" = "Waiting" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Tickets_WaitingCounts_Delete" AFTER DELETE ON "Tickets"
                WHEN OLD."Status" = 'Waiting' AND OLD."TargetCounterId" IS NULL
                BEGIN
                    UPDATE "WaitingCounts" SET "Waiting" = "Waiting" - 1
                    WHERE "HallId" = OLD."HallId" AND "ServiceItemId" = OLD."ServiceItemId" AND "Priority" = OLD."Priority";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "Insert", "Leave", "Enter", "Delete" })
                migrationBuilder.Sql($"""DROP TRIGGER "TR_Tickets_WaitingCounts_{trigger}";""");
            migrationBuilder.DropTable(
                name: "WaitingCounts");
        }
    }
}
