using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PauseCategory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PauseCategory",
                table: "CounterSessions",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "CounterPauses",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Other");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PauseCategory",
                table: "CounterSessions");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "CounterPauses");
        }
    }
}
