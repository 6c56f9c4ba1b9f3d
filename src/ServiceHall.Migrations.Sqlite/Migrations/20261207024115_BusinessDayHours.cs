using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BusinessDayHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_HallId_ServiceItemId_BusinessDay_Sequence",
                table: "Tickets");

            migrationBuilder.AddColumn<int>(
                name: "DailyQuota",
                table: "ServiceItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "ServedFrom",
                table: "ServiceItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "ServedUntil",
                table: "ServiceItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DayEndGraceMinutes",
                table: "Halls",
                type: "INTEGER",
                nullable: false,
                defaultValue: 60);

            migrationBuilder.AddColumn<bool>(
                name: "IssueDuringLunch",
                table: "Halls",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "LunchEndsAt",
                table: "Halls",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "LunchStartsAt",
                table: "Halls",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WeekdayHours",
                table: "Halls",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AlterColumn<Guid>(
                name: "ClosedByUserId",
                table: "BusinessDays",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_HallId_ServiceItemId_BusinessDay_Sequence",
                table: "Tickets",
                columns: new[] { "HallId", "ServiceItemId", "BusinessDay", "Sequence" },
                unique: true,
                filter: "\"Channel\" <> 'Transfer'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_HallId_ServiceItemId_BusinessDay_Sequence",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "DailyQuota",
                table: "ServiceItems");

            migrationBuilder.DropColumn(
                name: "ServedFrom",
                table: "ServiceItems");

            migrationBuilder.DropColumn(
                name: "ServedUntil",
                table: "ServiceItems");

            migrationBuilder.DropColumn(
                name: "DayEndGraceMinutes",
                table: "Halls");

            migrationBuilder.DropColumn(
                name: "IssueDuringLunch",
                table: "Halls");

            migrationBuilder.DropColumn(
                name: "LunchEndsAt",
                table: "Halls");

            migrationBuilder.DropColumn(
                name: "LunchStartsAt",
                table: "Halls");

            migrationBuilder.DropColumn(
                name: "WeekdayHours",
                table: "Halls");

            migrationBuilder.AlterColumn<Guid>(
                name: "ClosedByUserId",
                table: "BusinessDays",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_HallId_ServiceItemId_BusinessDay_Sequence",
                table: "Tickets",
                columns: new[] { "HallId", "ServiceItemId", "BusinessDay", "Sequence" },
                unique: true);
        }
    }
}
