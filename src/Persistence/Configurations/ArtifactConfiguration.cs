using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PcDarts.Persistence.Entities;

namespace PcDarts.Persistence.Configurations;

internal sealed class ArtifactConfiguration : IEntityTypeConfiguration<Artifact>
{
    public void Configure(EntityTypeBuilder<Artifact> b)
    {
        b.ToTable("artifacts");
        b.HasKey(a => a.Id);
        b.Property(a => a.Kind).HasMaxLength(16);
        b.Property(a => a.Content).HasColumnType("bytea");
        b.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
        b.HasIndex(a => new { a.ExperimentId, a.Kind }).IsUnique();
    }
}
