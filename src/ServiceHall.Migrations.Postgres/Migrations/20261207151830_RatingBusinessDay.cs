using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RatingBusinessDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "BusinessDay",
                table: "Ratings",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Backfill (ADR-027): a rating's day is its ticket's business day, never the local day of its service.
            migrationBuilder.Sql("""
                UPDATE "Ratings" SET "BusinessDay" = (SELECT t."BusinessDay" FROM "Tickets" t WHERE t."Id" = "Ratings"."TicketId")
                WHERE EXISTS (SELECT 1 FROM "Tickets" t WHERE t."Id" = "Ratings"."TicketId");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_HallId_BusinessDay_Level_ExcludedAt",
                table: "Ratings",
                columns: new[] { "HallId", "BusinessDay", "Level", "ExcludedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Ratings_HallId_BusinessDay_Level_ExcludedAt",
                table: "Ratings");

            migrationBuilder.DropColumn(
                name: "BusinessDay",
                table: "Ratings");
        }
    }
}
