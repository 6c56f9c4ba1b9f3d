using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ServiceHall.Migrations.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HallId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    CounterId = table.Column<Guid>(type: "uuid", nullable: true),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ServiceItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Issued = table.Column<int>(type: "integer", nullable: false),
                    Served = table.Column<int>(type: "integer", nullable: false),
                    NoShows = table.Column<int>(type: "integer", nullable: false),
                    EndedNoShow = table.Column<int>(type: "integer", nullable: false),
                    TransfersOut = table.Column<int>(type: "integer", nullable: false),
                    TransfersIn = table.Column<int>(type: "integer", nullable: false),
                    Expired = table.Column<int>(type: "integer", nullable: false),
                    ExpiredUncalled = table.Column<int>(type: "integer", nullable: false),
                    Waiting = table.Column<int>(type: "integer", nullable: false),
                    Waits = table.Column<int>(type: "integer", nullable: false),
                    WaitSum = table.Column<double>(type: "double precision", nullable: false),
                    WaitMax = table.Column<double>(type: "double precision", nullable: true),
                    WaitsInTime = table.Column<int>(type: "integer", nullable: false),
                    LongestWaitNumber = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    Services = table.Column<int>(type: "integer", nullable: false),
                    ServiceSum = table.Column<double>(type: "double precision", nullable: false),
                    ServiceMax = table.Column<double>(type: "double precision", nullable: true),
                    CallsOutOfOrder = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HallId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    UtcHour = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Issued = table.Column<int>(type: "integer", nullable: false),
                    Served = table.Column<int>(type: "integer", nullable: false)
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
                    HallId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    TalliedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
