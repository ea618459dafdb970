using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Units.Data.Migrations
{
    /// <summary>A district can be suspended by the platform: when, or null while it runs.</summary>
    public partial class TenantSuspension : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SuspendedAt",
                table: "tenants",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SuspendedAt",
                table: "tenants");
        }
    }
}
