namespace PcDarts.Web.Components.Charts;

/// <summary>Colours for series and experiments (Tableau 10, distinguishable and colour-blind friendlier than pure hues).</summary>
public static class Palette
{
    private static readonly string[] Colors = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7"];

    public static string Color(int index) => Colors[((index % Colors.Length) + Colors.Length) % Colors.Length];
}
