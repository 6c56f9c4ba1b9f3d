using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Migrations.Postgres.Migrations
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ExcludedByUserId",
                table: "Ratings",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExclusionReason",
                table: "Ratings",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedHandling",
                table: "GiftDeclarations",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AssigneeDepartmentId",
                table: "Complaints",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExtendedUntil",
                table: "Complaints",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExtensionReason",
                table: "Complaints",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SignInCount",
                table: "AttendanceRecords",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "HallSupervisionSettings",
                columns: table => new
                {
                    HallId = table.Column<Guid>(type: "uuid", nullable: false),
                    RatingWindowHours = table.Column<int>(type: "integer", nullable: false),
                    CallbackWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    RectifyWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    ComplaintAssignWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    ComplaintReplyWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    ComplaintCloseWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    EarlyArrivalMinutes = table.Column<int>(type: "integer", nullable: false),
                    DefaultRatingAfterDays = table.Column<int>(type: "integer", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByUserId = table.Column<Guid>(type: "uuid", nullable: false)
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
