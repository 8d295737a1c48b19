namespace PcDarts.Persistence.Entities;

/// <summary>A data set an admin registered: runs name it like a built-in and runners read it at <see cref="Path"/>.</summary>
public sealed class RegisteredDataset
{
    public required string Name { get; set; }
    /// <summary>One of <see cref="Core.Specs.DatasetFormats"/>.</summary>
    public required string Format { get; set; }
    /// <summary>The folder as runner nodes see it.</summary>
    public required string Path { get; set; }
    public int ImageSize { get; set; }
    public int Classes { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public Core.Specs.DatasetSource ToSource() => new(Name, Format, Path, ImageSize, Classes);
}
