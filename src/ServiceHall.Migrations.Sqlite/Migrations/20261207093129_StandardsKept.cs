using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StandardsKept : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StandardCards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Colour = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CounterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StaffUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Figure = table.Column<double>(type: "REAL", nullable: false),
                    Threshold = table.Column<int>(type: "INTEGER", nullable: false),
                    Records = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ResponseReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ResponseMeasure = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StandardCards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StandardCards_Halls_HallId",
                        column: x => x.HallId,
                        principalTable: "Halls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StandardSettings",
                columns: table => new
                {
                    HallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Yellow = table.Column<int>(type: "INTEGER", nullable: false),
                    Red = table.Column<int>(type: "INTEGER", nullable: false),
                    Card = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Parameter = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StandardSettings", x => new { x.HallId, x.Rule });
                    table.ForeignKey(
                        name: "FK_StandardSettings_Halls_HallId",
                        column: x => x.HallId,
                        principalTable: "Halls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StandardCards_HallId_Day",
                table: "StandardCards",
                columns: new[] { "HallId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_StandardCards_HallId_Rule_Unit_UnitId_Day",
                table: "StandardCards",
                columns: new[] { "HallId", "Rule", "Unit", "UnitId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StandardCards_StaffUserId_Status",
                table: "StandardCards",
                columns: new[] { "StaffUserId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StandardCards");

            migrationBuilder.DropTable(
                name: "StandardSettings");
        }
    }
}
