using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SealedFreeTextAndAuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CommentCipher",
                table: "Ratings",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "HallId",
                table: "PersonalDataReads",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "PersonalDataReads",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "PersonalDataReads",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "PersonalDataReads",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "QuestionCipher",
                table: "Inquiries",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TextCipher",
                table: "ConductChecks",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ContentCipher",
                table: "Complaints",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "PersonalDataReadChainHead",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalDataReadChainHead", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "PersonalDataReadChainHead",
                columns: new[] { "Id", "Hash", "Sequence" },
                values: new object[] { 1, "0000000000000000000000000000000000000000000000000000000000000000", 0L });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataReads_HallId_ReadAt",
                table: "PersonalDataReads",
                columns: new[] { "HallId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataReads_Sequence",
                table: "PersonalDataReads",
                column: "Sequence",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PersonalDataReadChainHead");

            migrationBuilder.DropIndex(
                name: "IX_PersonalDataReads_HallId_ReadAt",
                table: "PersonalDataReads");

            migrationBuilder.DropIndex(
                name: "IX_PersonalDataReads_Sequence",
                table: "PersonalDataReads");

            migrationBuilder.DropColumn(
                name: "CommentCipher",
                table: "Ratings");

            migrationBuilder.DropColumn(
                name: "HallId",
                table: "PersonalDataReads");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "PersonalDataReads");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "PersonalDataReads");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "PersonalDataReads");

            migrationBuilder.DropColumn(
                name: "QuestionCipher",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "TextCipher",
                table: "ConductChecks");

            migrationBuilder.DropColumn(
                name: "ContentCipher",
                table: "Complaints");
        }
    }
}
