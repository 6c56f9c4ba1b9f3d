using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class QueueIndexPerItem : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_Waiting",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Waiting",
                table: "Tickets",
                columns: new[] { "HallId", "ServiceItemId", "Lane", "QueuedAt", "Sequence" },
                filter: "\"Status\" = 'Waiting'");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_WaitingAtCounter",
                table: "Tickets",
                column: "TargetCounterId",
                filter: "\"Status\" = 'Waiting' AND \"TargetCounterId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_Waiting",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_WaitingAtCounter",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Waiting",
                table: "Tickets",
                columns: new[] { "HallId", "Lane", "QueuedAt", "Sequence" },
                filter: "\"Status\" = 'Waiting'");
        }
    }
}
