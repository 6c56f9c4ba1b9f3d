using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SupervisionSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ExcludedAt",
                table: "Ratings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ExcludedByUserId",
                table: "Ratings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExclusionReason",
                table: "Ratings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedHandling",
                table: "GiftDeclarations",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AssigneeDepartmentId",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExtendedUntil",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExtensionReason",
                table: "Complaints",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SignInCount",
                table: "AttendanceRecords",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "HallSupervisionSettings",
                columns: table => new
                {
                    HallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RatingWindowHours = table.Column<int>(type: "INTEGER", nullable: false),
                    CallbackWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    RectifyWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ComplaintAssignWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ComplaintReplyWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ComplaintCloseWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    EarlyArrivalMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    DefaultRatingAfterDays = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HallSupervisionSettings", x => x.HallId);
                    table.ForeignKey(
                        name: "FK_HallSupervisionSettings_Halls_HallId",
                        column: x => x.HallId,
                        principalTable: "Halls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HallSupervisionSettings");

            migrationBuilder.DropColumn(
                name: "ExcludedAt",
                table: "Ratings");

            migrationBuilder.DropColumn(
                name: "ExcludedByUserId",
                table: "Ratings");

            migrationBuilder.DropColumn(
                name: "ExclusionReason",
                table: "Ratings");

            migrationBuilder.DropColumn(
                name: "ConfirmedHandling",
                table: "GiftDeclarations");

            migrationBuilder.DropColumn(
                name: "AssigneeDepartmentId",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ExtendedUntil",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ExtensionReason",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "SignInCount",
                table: "AttendanceRecords");
        }
    }
}
