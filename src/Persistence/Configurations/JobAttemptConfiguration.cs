using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PcDarts.Persistence.Entities;

namespace PcDarts.Persistence.Configurations;

internal sealed class JobAttemptConfiguration : IEntityTypeConfiguration<JobAttempt>
{
    public void Configure(EntityTypeBuilder<JobAttempt> b)
    {
        b.ToTable("job_attempts");
        b.HasKey(a => a.Id);
        b.Property(a => a.HangfireJobId).HasMaxLength(64);
        b.Property(a => a.Runner).HasMaxLength(200);
        b.Property(a => a.Outcome).HasMaxLength(16);
        b.HasIndex(a => a.ExperimentId);
    }
}
