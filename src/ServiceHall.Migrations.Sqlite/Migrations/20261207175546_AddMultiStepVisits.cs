using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddMultiStepVisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_HallId_ServiceItemId_BusinessDay_Sequence",
                table: "Tickets");

            migrationBuilder.AddColumn<DateTime>(
                name: "ArrivedAt",
                table: "Tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "NextStepTicketId",
                table: "Tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReadyAt",
                table: "Tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SkippedNextStep",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "VisitTicketId",
                table: "Tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "NextStepItemId",
                table: "ServiceItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ReadyToCollect",
                table: "ServiceItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_HallId_ServiceItemId_BusinessDay_Sequence",
                table: "Tickets",
                columns: new[] { "HallId", "ServiceItemId", "BusinessDay", "Sequence" },
                unique: true,
                filter: "\"Channel\" NOT IN ('Transfer', 'NextStep')");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceItems_NextStepItemId",
                table: "ServiceItems",
                column: "NextStepItemId");

            migrationBuilder.AddForeignKey(
                name: "FK_ServiceItems_ServiceItems_NextStepItemId",
                table: "ServiceItems",
                column: "NextStepItemId",
                principalTable: "ServiceItems",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ServiceItems_ServiceItems_NextStepItemId",
                table: "ServiceItems");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_HallId_ServiceItemId_BusinessDay_Sequence",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_ServiceItems_NextStepItemId",
                table: "ServiceItems");

            migrationBuilder.DropColumn(
                name: "ArrivedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "NextStepTicketId",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ReadyAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SkippedNextStep",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "VisitTicketId",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "NextStepItemId",
                table: "ServiceItems");

            migrationBuilder.DropColumn(
                name: "ReadyToCollect",
                table: "ServiceItems");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_HallId_ServiceItemId_BusinessDay_Sequence",
                table: "Tickets",
                columns: new[] { "HallId", "ServiceItemId", "BusinessDay", "Sequence" },
                unique: true,
                filter: "\"Channel\" <> 'Transfer'");
        }
    }
}
