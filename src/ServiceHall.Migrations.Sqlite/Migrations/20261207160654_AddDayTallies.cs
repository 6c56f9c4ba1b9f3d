using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddDayTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DayTally",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CounterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ServiceItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Issued = table.Column<int>(type: "INTEGER", nullable: false),
                    Served = table.Column<int>(type: "INTEGER", nullable: false),
                    NoShows = table.Column<int>(type: "INTEGER", nullable: false),
                    EndedNoShow = table.Column<int>(type: "INTEGER", nullable: false),
                    TransfersOut = table.Column<int>(type: "INTEGER", nullable: false),
                    TransfersIn = table.Column<int>(type: "INTEGER", nullable: false),
                    Expired = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpiredUncalled = table.Column<int>(type: "INTEGER", nullable: false),
                    Waiting = table.Column<int>(type: "INTEGER", nullable: false),
                    Waits = table.Column<int>(type: "INTEGER", nullable: false),
                    WaitSum = table.Column<double>(type: "REAL", nullable: false),
                    WaitMax = table.Column<double>(type: "REAL", nullable: true),
                    WaitsInTime = table.Column<int>(type: "INTEGER", nullable: false),
                    LongestWaitNumber = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Services = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceSum = table.Column<double>(type: "REAL", nullable: false),
                    ServiceMax = table.Column<double>(type: "REAL", nullable: true),
                    CallsOutOfOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DayTally", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DayTally_Halls_HallId",
                        column: x => x.HallId,
                        principalTable: "Halls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HourTally",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UtcHour = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Issued = table.Column<int>(type: "INTEGER", nullable: false),
                    Served = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HourTally", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HourTally_Halls_HallId",
                        column: x => x.HallId,
                        principalTable: "Halls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TalliedDay",
                columns: table => new
                {
                    HallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TalliedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalliedDay", x => new { x.HallId, x.Day });
                    table.ForeignKey(
                        name: "FK_TalliedDay_Halls_HallId",
                        column: x => x.HallId,
                        principalTable: "Halls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DayTally_HallId_Day",
                table: "DayTally",
                columns: new[] { "HallId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_HourTally_HallId_Day",
                table: "HourTally",
                columns: new[] { "HallId", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DayTally");

            migrationBuilder.DropTable(
                name: "HourTally");

            migrationBuilder.DropTable(
                name: "TalliedDay");
        }
    }
}
