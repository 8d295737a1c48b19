using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PcDarts.Persistence.Entities;

namespace PcDarts.Persistence.Configurations;

internal sealed class ExperimentConfiguration : IEntityTypeConfiguration<Experiment>
{
    public void Configure(EntityTypeBuilder<Experiment> b)
    {
        b.ToTable("experiments");
        b.HasKey(e => e.Id);
        b.Property(e => e.Kind).HasMaxLength(16);
        b.Property(e => e.Name).HasMaxLength(Experiment.MaxNameLength);
        b.Property(e => e.Tags).HasColumnType("text[]");
        b.Property(e => e.Spec).HasColumnType("jsonb");
        b.Property(e => e.Queue).HasMaxLength(16);
        b.Property(e => e.Status).HasMaxLength(16);
        b.Property(e => e.HangfireJobId).HasMaxLength(64);
        b.Property(e => e.CreatedBy).HasMaxLength(256);
        b.Property(e => e.Origin).HasMaxLength(16);
        b.HasIndex(e => e.CreatedAt);
        b.HasIndex(e => e.CreatedBy);
        b.HasIndex(e => e.Status);
        b.HasIndex(e => e.Tags).HasMethod("gin");
        b.HasIndex(e => e.StudyId);
        // A study's search is retrained once: two API instances that both see it succeed cannot both add its retrain.
        b.HasIndex(e => new { e.StudyId, e.DerivedFromId }).IsUnique().HasFilter("\"StudyId\" IS NOT NULL AND \"DerivedFromId\" IS NOT NULL")
            .HasDatabaseName("IX_experiments_StudyId_DerivedFromId_unique");
        b.HasIndex(e => e.SearchTop1);
        b.HasIndex(e => e.RetrainTop1);
        b.HasIndex(e => e.Parameters);
        b.HasOne(e => e.DerivedFrom).WithMany().HasForeignKey(e => e.DerivedFromId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(e => e.Attempts).WithOne().HasForeignKey(a => a.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Epochs).WithOne().HasForeignKey(r => r.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Architectures).WithOne().HasForeignKey(r => r.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Artifacts).WithOne().HasForeignKey(r => r.ExperimentId).OnDelete(DeleteBehavior.Cascade);
    }
}
