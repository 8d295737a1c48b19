using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PcDarts.Migrations
{
    /// <inheritdoc />
    public partial class AddExperimentLogsAndImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ImportedFromId",
                table: "experiments",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "experiment_logs",
                columns: table => new
                {
                    ExperimentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_experiment_logs", x => new { x.ExperimentId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_experiment_logs_experiments_ExperimentId",
                        column: x => x.ExperimentId,
                        principalTable: "experiments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "experiment_logs");

            migrationBuilder.DropColumn(
                name: "ImportedFromId",
                table: "experiments");
        }
    }
}
