using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Units.Data.Migrations
{
    /// <summary>A unit merged into another one names it (MergedIntoId).</summary>
    public partial class UnitMerges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "units",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "units");
        }
    }
}
