using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DropWaitingPerItemIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_WaitingPerItem",
                table: "Tickets");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Tickets_WaitingPerItem",
                table: "Tickets",
                columns: new[] { "HallId", "ServiceItemId", "Priority", "QueuedAt", "TargetCounterId" },
                filter: "\"Status\" = 'Waiting'");
        }
    }
}
