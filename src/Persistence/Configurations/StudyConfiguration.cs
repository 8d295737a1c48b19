using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PcDarts.Persistence.Entities;

namespace PcDarts.Persistence.Configurations;

internal sealed class StudyConfiguration : IEntityTypeConfiguration<Study>
{
    public void Configure(EntityTypeBuilder<Study> b)
    {
        b.ToTable("studies");
        b.HasKey(s => s.Id);
        b.Property(s => s.Name).HasMaxLength(Experiment.MaxNameLength);
        b.Property(s => s.Tags).HasColumnType("text[]");
        b.Property(s => s.Grid).HasColumnType("jsonb");
        b.Property(s => s.SearchSpec).HasColumnType("jsonb");
        b.Property(s => s.RetrainSpec).HasColumnType("jsonb");
        b.Property(s => s.CreatedBy).HasMaxLength(256);
        b.HasIndex(s => s.CreatedAt);
        // Deleting a study keeps its experiments: they are results in their own right.
        b.HasMany(s => s.Members).WithOne().HasForeignKey(e => e.StudyId).OnDelete(DeleteBehavior.SetNull);
    }
}
