using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CasesProcedures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ResponsiblePersonContact",
                table: "InquiryForwards",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResponsiblePersonName",
                table: "InquiryForwards",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClockPausedAt",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExtendedAt",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ExtendedByUserId",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExtensionDays",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ExtensionNumber",
                table: "Cases",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExtensionReason",
                table: "Cases",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OriginalDueDate",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PausedWorkingDays",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Step",
                table: "CaseEvents",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseClockPause",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PausedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PausedDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PausedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResumedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResumedDay = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ResumedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WorkingDays = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseClockPause", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseClockPause_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseClockPause_CaseId_PausedAt",
                table: "CaseClockPause",
                columns: new[] { "CaseId", "PausedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseClockPause");

            migrationBuilder.DropColumn(
                name: "ResponsiblePersonContact",
                table: "InquiryForwards");

            migrationBuilder.DropColumn(
                name: "ResponsiblePersonName",
                table: "InquiryForwards");

            migrationBuilder.DropColumn(
                name: "ClockPausedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ExtendedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ExtendedByUserId",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ExtensionDays",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ExtensionNumber",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ExtensionReason",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "OriginalDueDate",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "PausedWorkingDays",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Step",
                table: "CaseEvents");
        }
    }
}
