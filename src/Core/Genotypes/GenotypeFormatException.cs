namespace PcDarts.Core.Genotypes;

/// <summary>
/// Malformed genotype text. The message starts with where the problem is, so a user can find it in a pasted genotype:
/// "position 17 (line 1, column 18): expected ',' but found ']'".
/// </summary>
public sealed class GenotypeFormatException : FormatException
{
    public GenotypeFormatException(string problem, int position, int line, int column)
        : base($"position {position} (line {line}, column {column}): {problem}")
    {
        Problem = problem;
        Position = position;
        Line = line;
        Column = column;
    }

    /// <summary>What was wrong, without the location.</summary>
    public string Problem { get; }
    /// <summary>0-based character offset into the text.</summary>
    public int Position { get; }
    /// <summary>1-based line.</summary>
    public int Line { get; }
    /// <summary>1-based column.</summary>
    public int Column { get; }

    internal static GenotypeFormatException At(string text, int position, string problem)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < position && i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            line++;
            lineStart = i + 1;
        }
        return new GenotypeFormatException(problem, position, line, position - lineStart + 1);
    }
}
