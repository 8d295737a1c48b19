using PcDarts.Core.Specs;

namespace PcDarts.Engine.Training;

/// <summary>Which data set names a run may carry: the built-ins, and the name of the source it was handed.</summary>
internal static class RunSources
{
    public static IReadOnlyList<string> KnownNames(string dataset, DatasetSource? source)
    {
        if (source is null) return DatasetNames.All;
        if (source.Name != dataset)
            throw new ArgumentException($"The data source '{source.Name}' was handed to a run of data set '{dataset}'.", nameof(source));
        return [.. DatasetNames.All, source.Name];
    }
}
