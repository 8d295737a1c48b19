using Microsoft.EntityFrameworkCore.Design;
using PcDarts.Persistence;

namespace PcDarts.Migrations;

/// <summary>Lets `dotnet ef migrations add` build the model without a server or a startup host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PcDartsDbContext>
{
    public PcDartsDbContext CreateDbContext(string[] args) =>
        PersistenceExtensions.CreateContext(Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") ?? "Host=localhost;Database=pcdarts");
}
