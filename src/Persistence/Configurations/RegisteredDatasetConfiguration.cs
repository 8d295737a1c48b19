using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PcDarts.Core.Specs;
using PcDarts.Persistence.Entities;

namespace PcDarts.Persistence.Configurations;

internal sealed class RegisteredDatasetConfiguration : IEntityTypeConfiguration<RegisteredDataset>
{
    public void Configure(EntityTypeBuilder<RegisteredDataset> b)
    {
        b.ToTable("datasets");
        b.HasKey(d => d.Name);
        b.Property(d => d.Name).HasMaxLength(DatasetRegistration.MaxNameLength);
        b.Property(d => d.Format).HasMaxLength(32);
        b.Property(d => d.Path).HasMaxLength(DatasetRegistration.MaxPathLength);
        b.Property(d => d.Description).HasMaxLength(DatasetRegistration.MaxDescriptionLength);
    }
}
