using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PcDarts.Migrations
{
    /// <inheritdoc />
    public partial class AddRunnerDevice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DeviceKind",
                table: "runners",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DeviceMemoryBytes",
                table: "runners",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeviceKind",
                table: "runners");

            migrationBuilder.DropColumn(
                name: "DeviceMemoryBytes",
                table: "runners");
        }
    }
}
