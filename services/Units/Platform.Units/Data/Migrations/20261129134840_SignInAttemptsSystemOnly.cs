using Microsoft.EntityFrameworkCore.Migrations;
using Platform.MultiTenancy;

#nullable disable

namespace Platform.Units.Data.Migrations
{
    /// <summary>
    /// The sign-in counters (per username, across districts) were a table without a policy: any connection of the
    /// application could read which usernames are failing or reset a lock. Only the system context, which sign-in
    /// runs in, may now touch them.
    /// </summary>
    public partial class SignInAttemptsSystemOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnableSystemRowLevelSecurity("sign_in_attempts");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableRowLevelSecurity("sign_in_attempts");
        }
    }
}
