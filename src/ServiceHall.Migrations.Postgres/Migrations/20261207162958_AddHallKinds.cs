using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddHallKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AnnouncementEn",
                table: "ServiceItems",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "{number}, please go to counter {counter}");

            migrationBuilder.AddColumn<string>(
                name: "AnnouncementZh",
                table: "ServiceItems",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "请{number}号到{counter}号窗口办理");

            migrationBuilder.AddColumn<string>(
                name: "CitizenWord",
                table: "Halls",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "群众");

            migrationBuilder.AddColumn<string>(
                name: "CitizenWordEn",
                table: "Halls",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "citizen");

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Halls",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Government");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AnnouncementEn",
                table: "ServiceItems");

            migrationBuilder.DropColumn(
                name: "AnnouncementZh",
                table: "ServiceItems");

            migrationBuilder.DropColumn(
                name: "CitizenWord",
                table: "Halls");

            migrationBuilder.DropColumn(
                name: "CitizenWordEn",
                table: "Halls");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Halls");
        }
    }
}
