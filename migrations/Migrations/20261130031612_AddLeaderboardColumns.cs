using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PcDarts.Migrations
{
    /// <inheritdoc />
    public partial class AddLeaderboardColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "ComputeSeconds",
                table: "experiments",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "EpochsCompleted",
                table: "experiments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "RetrainTop1",
                table: "experiments",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "SearchTop1",
                table: "experiments",
                type: "double precision",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_experiments_Parameters",
                table: "experiments",
                column: "Parameters");

            migrationBuilder.CreateIndex(
                name: "IX_experiments_RetrainTop1",
                table: "experiments",
                column: "RetrainTop1");

            migrationBuilder.CreateIndex(
                name: "IX_experiments_SearchTop1",
                table: "experiments",
                column: "SearchTop1");

            // Experiments that ran before these columns existed get them from their epoch rows.
            migrationBuilder.Sql(PcDarts.Persistence.Runs.LeaderboardColumns.BackfillSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_experiments_Parameters",
                table: "experiments");

            migrationBuilder.DropIndex(
                name: "IX_experiments_RetrainTop1",
                table: "experiments");

            migrationBuilder.DropIndex(
                name: "IX_experiments_SearchTop1",
                table: "experiments");

            migrationBuilder.DropColumn(
                name: "ComputeSeconds",
                table: "experiments");

            migrationBuilder.DropColumn(
                name: "EpochsCompleted",
                table: "experiments");

            migrationBuilder.DropColumn(
                name: "RetrainTop1",
                table: "experiments");

            migrationBuilder.DropColumn(
                name: "SearchTop1",
                table: "experiments");
        }
    }
}
