using System.Globalization;

namespace PcDarts.Core.Genotypes;

internal enum TokenKind
{
    Identifier,
    String,
    Integer,
    Punctuation,
    End,
}

internal readonly record struct Token(TokenKind Kind, string Text, int Position)
{
    public int IntValue => int.Parse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    public bool Is(char punctuation) => Kind == TokenKind.Punctuation && Text[0] == punctuation;

    /// <summary>How an error message names what was found.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.Identifier => $"'{Text}'",
        TokenKind.String => $"string '{Text}'",
        TokenKind.Integer => $"number {Text}",
        TokenKind.Punctuation => $"'{Text}'",
        _ => "end of text",
    };
}

/// <summary>
/// Splits the Python-literal subset DARTS genotypes are written in: identifiers, quoted strings (either quote),
/// integers, the punctuation <c>( ) [ ] , =</c>, whitespace and <c>#</c> comments.
/// </summary>
internal sealed class DartsTextTokenizer(string text)
{
    private int _pos;

    public Token Next()
    {
        SkipTrivia();
        if (_pos >= text.Length) return new Token(TokenKind.End, "", text.Length);
        var start = _pos;
        var c = text[_pos];
        if (c is '(' or ')' or '[' or ']' or ',' or '=')
        {
            _pos++;
            return new Token(TokenKind.Punctuation, c.ToString(), start);
        }
        if (c is '\'' or '"') return ReadString(c);
        if (char.IsAsciiDigit(c) || (c == '-' && _pos + 1 < text.Length && char.IsAsciiDigit(text[_pos + 1])))
        {
            _pos++;
            while (_pos < text.Length && char.IsAsciiDigit(text[_pos])) _pos++;
            var digits = text[start.._pos];
            if (!int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                throw GenotypeFormatException.At(text, start, $"number {digits} is too large");
            return new Token(TokenKind.Integer, digits, start);
        }
        if (char.IsAsciiLetter(c) || c == '_')
        {
            while (_pos < text.Length && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] == '_')) _pos++;
            return new Token(TokenKind.Identifier, text[start.._pos], start);
        }
        throw GenotypeFormatException.At(text, start, $"unexpected character '{c}'");
    }

    private Token ReadString(char quote)
    {
        var start = _pos++;
        while (_pos < text.Length && text[_pos] != quote)
        {
            if (text[_pos] is '\n' or '\\')
                throw GenotypeFormatException.At(text, _pos, $"expected closing {quote} of the string started at position {start}");
            _pos++;
        }
        if (_pos >= text.Length)
            throw GenotypeFormatException.At(text, _pos, $"expected closing {quote} of the string started at position {start}");
        _pos++;
        return new Token(TokenKind.String, text[(start + 1)..(_pos - 1)], start);
    }

    private void SkipTrivia()
    {
        while (_pos < text.Length)
        {
            if (char.IsWhiteSpace(text[_pos])) _pos++;
            else if (text[_pos] == '#')
                while (_pos < text.Length && text[_pos] != '\n') _pos++;
            else return;
        }
    }
}
