using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddSlotStaff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "StaffUserId",
                table: "AppointmentSlots",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StaffUserId",
                table: "AppointmentSlots");
        }
    }
}
