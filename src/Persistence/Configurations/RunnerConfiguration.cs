using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PcDarts.Persistence.Entities;

namespace PcDarts.Persistence.Configurations;

internal sealed class RunnerConfiguration : IEntityTypeConfiguration<Runner>
{
    public void Configure(EntityTypeBuilder<Runner> b)
    {
        b.ToTable("runners");
        b.HasKey(r => r.Name);
        b.Property(r => r.Name).HasMaxLength(200);
        b.Property(r => r.Host).HasMaxLength(200);
        b.Property(r => r.Device).HasMaxLength(200);
        b.Property(r => r.Queues).HasColumnType("text[]");
        b.Property(r => r.ReadableDatasets).HasColumnType("text[]");
    }
}
