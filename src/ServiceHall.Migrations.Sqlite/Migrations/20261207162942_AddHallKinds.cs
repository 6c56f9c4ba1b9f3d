using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "{number}, please go to counter {counter}");

            migrationBuilder.AddColumn<string>(
                name: "AnnouncementZh",
                table: "ServiceItems",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "请{number}号到{counter}号窗口办理");

            migrationBuilder.AddColumn<string>(
                name: "CitizenWord",
                table: "Halls",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "群众");

            migrationBuilder.AddColumn<string>(
                name: "CitizenWordEn",
                table: "Halls",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "citizen");

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Halls",
                type: "TEXT",
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
