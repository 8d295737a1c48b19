using System.Globalization;

namespace PcDarts.Web;

/// <summary>How the pages print numbers, sizes and times: invariant culture, short and unambiguous.</summary>
public static class Format
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Percent(double? value) => value is { } v ? v.ToString("0.00", C) + " %" : "–";

    public static string Number(double? value, string format = "0.####") => value is { } v ? v.ToString(format, C) : "–";

    /// <summary>1234567 → "1.23 M".</summary>
    public static string Count(long? value) => value switch
    {
        null => "–",
        >= 1_000_000_000 => (value.Value / 1e9).ToString("0.##", C) + " G",
        >= 1_000_000 => (value.Value / 1e6).ToString("0.##", C) + " M",
        >= 1_000 => (value.Value / 1e3).ToString("0.##", C) + " k",
        _ => value.Value.ToString(C),
    };

    public static string Bytes(long? value) => value is { } v ? (v / (1024.0 * 1024.0)).ToString("0", C) + " MiB" : "–";

    public static string Duration(TimeSpan? span) => span switch
    {
        null => "–",
        { TotalSeconds: < 60 } s => s.TotalSeconds.ToString("0.0", C) + " s",
        { TotalHours: < 1 } s => $"{(int)s.TotalMinutes} min {s.Seconds:00} s",
        { TotalDays: < 1 } s => $"{(int)s.TotalHours} h {s.Minutes:00} min",
        var s => $"{(int)s.Value.TotalDays} d {s.Value.Hours} h",
    };

    /// <summary>How long a run took, or has been running so far.</summary>
    public static TimeSpan? RunTime(DateTimeOffset? started, DateTimeOffset? finished, DateTimeOffset now) =>
        started is { } s ? (finished ?? now) - s : null;

    public static string When(DateTimeOffset? at) => at is { } t ? t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", C) + " UTC" : "–";

    public static string Ago(DateTimeOffset at, DateTimeOffset now) => Duration(now - at) + " ago";

    public static string ShortId(Guid id) => id.ToString("N")[..8];
}
