using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PersonalDataReads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PersonalDataReads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReaderUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalDataReads", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataReads_ReadAt",
                table: "PersonalDataReads",
                column: "ReadAt");

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataReads_ReaderUserId_ReadAt",
                table: "PersonalDataReads",
                columns: new[] { "ReaderUserId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataReads_SubjectType_SubjectId",
                table: "PersonalDataReads",
                columns: new[] { "SubjectType", "SubjectId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PersonalDataReads");
        }
    }
}
