using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PcDarts.Migrations
{
    /// <inheritdoc />
    public partial class AddEpochHostProcessBytes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "HostProcessBytes",
                table: "epoch_metrics",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HostProcessBytes",
                table: "epoch_metrics");
        }
    }
}
