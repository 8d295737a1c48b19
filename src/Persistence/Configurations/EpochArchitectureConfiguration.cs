using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PcDarts.Persistence.Entities;

namespace PcDarts.Persistence.Configurations;

internal sealed class EpochArchitectureConfiguration : IEntityTypeConfiguration<EpochArchitecture>
{
    public void Configure(EntityTypeBuilder<EpochArchitecture> b)
    {
        b.ToTable("epoch_architectures");
        b.HasKey(r => new { r.ExperimentId, r.Epoch });
        // Jagged arrays have no PostgreSQL array type (rows may differ in length): store them as jsonb.
        b.Property(r => r.AlphasNormal).HasColumnType("jsonb").HasConversion(Json<float[][]>(), Comparer<float[][]>());
        b.Property(r => r.AlphasReduce).HasColumnType("jsonb").HasConversion(Json<float[][]>(), Comparer<float[][]>());
        b.Property(r => r.BetasNormal).HasColumnType("jsonb").HasConversion(Json<float[]?>(), Comparer<float[]?>());
        b.Property(r => r.BetasReduce).HasColumnType("jsonb").HasConversion(Json<float[]?>(), Comparer<float[]?>());
    }

    private static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string> Json<T>() where T : class? =>
        new(v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default), s => JsonSerializer.Deserialize<T>(s, JsonSerializerOptions.Default)!);

    // Snapshots are written once and never edited: compare by serialized content.
    private static ValueComparer<T> Comparer<T>() where T : class? => new(
        (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Default) == JsonSerializer.Serialize(b, JsonSerializerOptions.Default),
        v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default).GetHashCode(),
        v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, JsonSerializerOptions.Default), JsonSerializerOptions.Default)!);
}
