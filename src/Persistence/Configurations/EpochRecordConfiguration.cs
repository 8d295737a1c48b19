using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PcDarts.Persistence.Entities;

namespace PcDarts.Persistence.Configurations;

internal sealed class EpochRecordConfiguration : IEntityTypeConfiguration<EpochRecord>
{
    public void Configure(EntityTypeBuilder<EpochRecord> b)
    {
        b.ToTable("epoch_metrics");
        // The primary key is the uniqueness rule: an epoch is committed once per experiment, whatever attempt ran it.
        b.HasKey(r => new { r.ExperimentId, r.Epoch });
    }
}
