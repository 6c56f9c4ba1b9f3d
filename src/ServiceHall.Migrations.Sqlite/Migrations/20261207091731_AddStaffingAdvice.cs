using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddStaffingAdvice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HallStaffingSettings",
                columns: table => new
                {
                    HallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TargetPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetWaitMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    HistoryWeeks = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HallStaffingSettings", x => x.HallId);
                    table.ForeignKey(
                        name: "FK_HallStaffingSettings_Halls_HallId",
                        column: x => x.HallId,
                        principalTable: "Halls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlannedCounters",
                columns: table => new
                {
                    HallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Weekday = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Hour = table.Column<int>(type: "INTEGER", nullable: false),
                    Counters = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlannedCounters", x => new { x.HallId, x.Weekday, x.Hour });
                    table.ForeignKey(
                        name: "FK_PlannedCounters_Halls_HallId",
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
                name: "HallStaffingSettings");

            migrationBuilder.DropTable(
                name: "PlannedCounters");
        }
    }
}
