using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AssessmentServedTarget : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssessmentServedTargets",
                columns: table => new
                {
                    HallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PerDay = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentServedTargets", x => x.HallId);
                    table.ForeignKey(
                        name: "FK_AssessmentServedTargets_Halls_HallId",
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
                name: "AssessmentServedTargets");
        }
    }
}
