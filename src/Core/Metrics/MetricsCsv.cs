using System.Globalization;
using System.Text;

namespace PcDarts.Core.Metrics;

/// <summary>Epoch metrics as CSV (one header line, one row per epoch, invariant culture, empty cells for missing values) for spreadsheets and pandas.</summary>
public static class MetricsCsv
{
    public const string Header =
        "epoch,trainLoss,trainTop1,validLoss,validTop1,validTop5,learningRate,seconds,imagesPerSecond,peakProcessBytes,peakCudaBytes,architectureUpdated,dropPathProbability,hostProcessBytes";

    public static string Write(IEnumerable<EpochMetrics> epochs)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var m in epochs)
        {
            csv.AppendJoin(',',
                F(m.Epoch), F(m.TrainLoss), F(m.TrainTop1), F(m.ValidLoss), F(m.ValidTop1), F(m.ValidTop5), F(m.LearningRate),
                F(m.Seconds), F(m.ImagesPerSecond), F(m.PeakProcessBytes), F(m.PeakCudaBytes),
                m.ArchitectureUpdated is { } updated ? (updated ? "true" : "false") : "", F(m.DropPathProbability), F(m.HostProcessBytes));
            csv.Append('\n');
        }
        return csv.ToString();
    }

    private static string F<T>(T? value) where T : struct, IFormattable =>
        value is { } v ? v.ToString(typeof(T) == typeof(double) ? "R" : null, CultureInfo.InvariantCulture) : "";

    private static string F<T>(T value) where T : struct, IFormattable =>
        value.ToString(typeof(T) == typeof(double) ? "R" : null, CultureInfo.InvariantCulture);
}
