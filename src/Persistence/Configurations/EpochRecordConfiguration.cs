using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PcDarts.Core.Metrics;
using PcDarts.Persistence.Entities;

namespace PcDarts.Persistence.Configurations;

internal sealed class EpochRecordConfiguration : IEntityTypeConfiguration<EpochRecord>
{
    public void Configure(EntityTypeBuilder<EpochRecord> b)
    {
        b.ToTable("epoch_metrics");
        // The primary key is the uniqueness rule: an epoch is committed once per experiment, whatever attempt ran it.
        b.HasKey(r => new { r.ExperimentId, r.Epoch });
        b.Property(r => r.Epoch).HasColumnName(nameof(EpochRecord.Epoch));
        // Each metric keeps its plain column name ("TrainLoss", not "Metrics_TrainLoss"); Epoch shares the key's column.
        b.ComplexProperty(r => r.Metrics, m =>
        {
            foreach (var field in typeof(EpochMetrics).GetProperties()) m.Property(field.Name).HasColumnName(field.Name);
        });
    }
}
