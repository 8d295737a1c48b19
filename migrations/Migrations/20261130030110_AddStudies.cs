using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PcDarts.Migrations
{
    /// <inheritdoc />
    public partial class AddStudies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "StudyId",
                table: "experiments",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "studies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Tags = table.Column<string[]>(type: "text[]", nullable: false),
                    Grid = table.Column<string>(type: "jsonb", nullable: false),
                    SearchSpec = table.Column<string>(type: "jsonb", nullable: false),
                    RetrainSpec = table.Column<string>(type: "jsonb", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CancelRequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_studies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_experiments_StudyId",
                table: "experiments",
                column: "StudyId");

            migrationBuilder.CreateIndex(
                name: "IX_experiments_StudyId_DerivedFromId_unique",
                table: "experiments",
                columns: new[] { "StudyId", "DerivedFromId" },
                unique: true,
                filter: "\"StudyId\" IS NOT NULL AND \"DerivedFromId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_studies_CreatedAt",
                table: "studies",
                column: "CreatedAt");

            migrationBuilder.AddForeignKey(
                name: "FK_experiments_studies_StudyId",
                table: "experiments",
                column: "StudyId",
                principalTable: "studies",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_experiments_studies_StudyId",
                table: "experiments");

            migrationBuilder.DropTable(
                name: "studies");

            migrationBuilder.DropIndex(
                name: "IX_experiments_StudyId",
                table: "experiments");

            migrationBuilder.DropIndex(
                name: "IX_experiments_StudyId_DerivedFromId_unique",
                table: "experiments");

            migrationBuilder.DropColumn(
                name: "StudyId",
                table: "experiments");
        }
    }
}
