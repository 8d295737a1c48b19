using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PcDarts.Persistence.Entities;
using PcDarts.Persistence.Identity;

namespace PcDarts.Persistence;

/// <summary>The platform's database: experiments and everything their runs write, and the users, tokens and audit log.</summary>
/// <remarks>
/// Migrations live in the PcDarts.Migrations assembly. To add one, from the repository root:
/// <code>migrations/add-migration.sh NAME</code>, which runs
/// <code>dotnet ef migrations add NAME --project migrations/PcDarts.Migrations.csproj --startup-project migrations/PcDarts.Migrations.csproj --output-dir Migrations --namespace PcDarts.Migrations</code>
/// (the migrations project has a design-time factory, so no database is needed to add one).
/// They are applied at start by <see cref="DatabaseMigrator"/>.
/// </remarks>
public sealed class PcDartsDbContext(DbContextOptions<PcDartsDbContext> options)
    : IdentityDbContext<PlatformUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public const string MigrationsAssembly = "PcDarts.Migrations";

    public DbSet<Experiment> Experiments => Set<Experiment>();
    public DbSet<JobAttempt> JobAttempts => Set<JobAttempt>();
    public DbSet<EpochRecord> EpochMetrics => Set<EpochRecord>();
    public DbSet<EpochArchitecture> EpochArchitectures => Set<EpochArchitecture>();
    public DbSet<Runner> Runners => Set<Runner>();
    public DbSet<Artifact> Artifacts => Set<Artifact>();
    public DbSet<LogLine> LogLines => Set<LogLine>();
    public DbSet<RegisteredDataset> Datasets => Set<RegisteredDataset>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    /// <summary>The key ring that protects sign-in cookies and access tokens, shared by every API instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        IdentityTables.Rename(modelBuilder);
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PcDartsDbContext).Assembly);
    }
}
