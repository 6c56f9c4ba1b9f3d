using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintCategoriesAndStatisticsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "Complaints",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Other");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_HallId_RegisteredAt",
                table: "Complaints",
                columns: new[] { "HallId", "RegisteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_HallId_RaisedAt",
                table: "Alerts",
                columns: new[] { "HallId", "RaisedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_HallId_RegisteredAt",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_HallId_RaisedAt",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "Complaints");
        }
    }
}
