using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PcDarts.Persistence.Entities;
using PcDarts.Persistence.Events;

namespace PcDarts.Persistence.Configurations;

internal sealed class LogLineConfiguration : IEntityTypeConfiguration<LogLine>
{
    public void Configure(EntityTypeBuilder<LogLine> b)
    {
        b.ToTable("experiment_logs");
        // The key is the read path too: "lines of X after N" is one index range scan.
        b.HasKey(l => new { l.ExperimentId, l.Sequence });
        b.Property(l => l.Level).HasMaxLength(16);
        b.Property(l => l.Text).HasMaxLength(ExperimentEvent.MaxLogChars);
        b.HasOne<Experiment>().WithMany().HasForeignKey(l => l.ExperimentId).OnDelete(DeleteBehavior.Cascade);
    }
}
