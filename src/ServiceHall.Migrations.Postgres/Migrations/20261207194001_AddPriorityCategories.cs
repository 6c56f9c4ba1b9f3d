using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddPriorityCategories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PriorityCategoryId",
                table: "Tickets",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PriorityCategories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HallId = table.Column<Guid>(type: "uuid", nullable: false),
                    NameZh = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Class = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RequiresVerification = table.Column<bool>(type: "boolean", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriorityCategories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PriorityCategories_Halls_HallId",
                        column: x => x.HallId,
                        principalTable: "Halls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PriorityClaimChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HallId = table.Column<Guid>(type: "uuid", nullable: false),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                    CategoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimedClass = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    BusinessDay = table.Column<DateOnly>(type: "date", nullable: false),
                    CounterId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Downgraded = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReasonCipher = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriorityClaimChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PriorityClaimChecks_PriorityCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "PriorityCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PriorityCategories_HallId_NameZh",
                table: "PriorityCategories",
                columns: new[] { "HallId", "NameZh" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PriorityClaimChecks_CategoryId",
                table: "PriorityClaimChecks",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_PriorityClaimChecks_HallId_BusinessDay",
                table: "PriorityClaimChecks",
                columns: new[] { "HallId", "BusinessDay" });

            migrationBuilder.CreateIndex(
                name: "IX_PriorityClaimChecks_TicketId",
                table: "PriorityClaimChecks",
                column: "TicketId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PriorityClaimChecks");

            migrationBuilder.DropTable(
                name: "PriorityCategories");

            migrationBuilder.DropColumn(
                name: "PriorityCategoryId",
                table: "Tickets");
        }
    }
}
