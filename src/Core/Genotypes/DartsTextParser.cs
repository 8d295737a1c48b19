using PcDarts.Core.Search;

namespace PcDarts.Core.Genotypes;

/// <summary>
/// Recursive-descent reader of DARTS' text form:
/// <c>[NAME =] Genotype(normal=[('op', i), ...], normal_concat=range(a, b) | [i, ...], reduce=[...], reduce_concat=...)</c>.
/// Keyword fields may come in any order, as Python allows. Every error names its position and what was expected.
/// Every bound (text length, range ends, list lengths, node count) is checked before anything grows with the input,
/// so hostile text costs no more than reading it once.
/// </summary>
internal sealed class DartsTextParser
{
    private static readonly string[] FieldNames = ["normal", "normal_concat", "reduce", "reduce_concat"];

    private readonly string _text;
    private readonly DartsTextTokenizer _tokens;
    private Token _current;
    private Token? _peeked;

    private DartsTextParser(string text)
    {
        _text = text;
        _tokens = new DartsTextTokenizer(text);
        _current = _tokens.Next();
    }

    public static Genotype Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        CheckLength(text);
        return new DartsTextParser(text).ParseGenotype();
    }

    internal static void CheckLength(string text)
    {
        if (text.Length > Genotype.MaxTextLength)
            throw GenotypeFormatException.At(text, Genotype.MaxTextLength,
                $"genotype text is {text.Length} characters long; at most {Genotype.MaxTextLength} are read");
    }

    /// <summary>Most edges a cell may list: two per node of the largest cell.</summary>
    private const int MaxEdges = Genotype.EdgesPerNode * SearchSpace.MaxNodes;
    /// <summary>Highest node a cell output may concatenate (nodes 0 and 1 are the cell's inputs).</summary>
    private const int MaxConcatNode = SearchSpace.MaxNodes + 1;

    private sealed record EdgeList(List<GenotypeEdge> Edges, int Close);
    private sealed record ConcatList(List<(int Value, int Position)> Items, int Start);

    private Genotype ParseGenotype()
    {
        if (_current.Kind == TokenKind.Identifier && Peek().Is('='))
        {
            Advance();
            Advance();
        }
        if (_current.Kind != TokenKind.Identifier || _current.Text != "Genotype")
            throw Error("expected 'Genotype'");
        Advance();
        Expect('(');

        var edges = new Dictionary<string, EdgeList>();
        var concats = new Dictionary<string, ConcatList>();
        while (!_current.Is(')'))
        {
            var field = _current;
            if (field.Kind != TokenKind.Identifier || !FieldNames.Contains(field.Text))
                throw Error($"expected one of {string.Join(", ", FieldNames)}");
            if (edges.ContainsKey(field.Text) || concats.ContainsKey(field.Text))
                throw Error($"field '{field.Text}' appears twice");
            Advance();
            Expect('=');
            if (field.Text.EndsWith("_concat", StringComparison.Ordinal)) concats[field.Text] = ParseConcat();
            else edges[field.Text] = ParseEdges(field.Text);
            ExpectSeparator(')');
        }
        foreach (var name in FieldNames)
            if (!edges.ContainsKey(name) && !concats.ContainsKey(name))
                throw Error($"missing field '{name}' before ')'");
        Advance();
        if (_current.Kind != TokenKind.End) throw Error("expected end of text");

        var normal = edges["normal"];
        var reduce = edges["reduce"];
        var nodes = normal.Edges.Count / Genotype.EdgesPerNode;
        if (reduce.Edges.Count != normal.Edges.Count)
            throw At(reduce.Close, $"reduce has {reduce.Edges.Count} edges but normal has {normal.Edges.Count}; both cells must have the same node count");
        var normalConcat = CheckConcat("normal", concats["normal_concat"], nodes);
        var reduceConcat = CheckConcat("reduce", concats["reduce_concat"], nodes);
        try
        {
            return new Genotype(normal.Edges, normalConcat, reduce.Edges, reduceConcat);
        }
        catch (ArgumentException e)
        {
            // Every rule is checked above with its position; this only guards against a rule added to Genotype alone.
            throw At(0, e.Message);
        }
    }

    private EdgeList ParseEdges(string cell)
    {
        Expect('[');
        var edges = new List<GenotypeEdge>();
        while (!_current.Is(']'))
        {
            if (edges.Count == MaxEdges)
                throw Error($"{cell} lists more than {MaxEdges} edges; a cell has at most {SearchSpace.MaxNodes} nodes of {Genotype.EdgesPerNode} edges");
            edges.Add(ParseEdge(edges.Count / Genotype.EdgesPerNode));
            ExpectSeparator(']');
        }
        var close = _current.Position;
        var nodes = edges.Count / Genotype.EdgesPerNode;
        if (edges.Count % Genotype.EdgesPerNode != 0 || nodes is < SearchSpace.MinNodes or > SearchSpace.MaxNodes)
            throw Error($"{cell} has {edges.Count} edges; expected {Genotype.EdgesPerNode} per intermediate node, "
                        + $"{SearchSpace.MinNodes} to {SearchSpace.MaxNodes} nodes ({Genotype.EdgesPerNode * SearchSpace.MinNodes} to {Genotype.EdgesPerNode * SearchSpace.MaxNodes} edges)");
        Advance();
        return new EdgeList(edges, close);
    }

    // ('op', input); node is 0-based, so the input must be below node + 2.
    private GenotypeEdge ParseEdge(int node)
    {
        Expect('(');
        var op = _current;
        if (op.Kind != TokenKind.String) throw Error("expected a quoted operation name");
        if (op.Text == SearchSpace.None || SearchSpace.IndexOf(op.Text) < 0)
            throw Error(Genotype.ValidateEdge(new GenotypeEdge(op.Text, 0), node)!);
        Advance();
        Expect(',');
        var input = _current;
        if (input.Kind != TokenKind.Integer) throw Error("expected an input node index");
        var edge = new GenotypeEdge(op.Text, input.IntValue);
        var error = Genotype.ValidateEdge(edge, node);
        if (error is not null) throw Error(error);
        Advance();
        if (_current.Is(',')) Advance();
        Expect(')');
        return edge;
    }

    private ConcatList ParseConcat()
    {
        var start = _current.Position;
        var items = new List<(int, int)>();
        if (_current.Kind == TokenKind.Identifier && _current.Text == "range")
        {
            Advance();
            Expect('(');
            var from = ExpectInteger();
            Expect(',');
            var to = ExpectInteger();
            Expect(')');
            if (to.IntValue <= from.IntValue)
                throw At(start, $"range({from.Text}, {to.Text}) is empty; the cell output needs at least one node");
            // Checked before the range is expanded: range(2, 200000000) must not become 200 million items.
            if (from.IntValue < 2)
                throw At(from.Position, $"range starts at {from.Text}; intermediate nodes are 2 to {MaxConcatNode}");
            if (to.IntValue > MaxConcatNode + 1)
                throw At(to.Position, $"range ends at {to.Text}; intermediate nodes are 2 to {MaxConcatNode}, so the end is at most {MaxConcatNode + 1}");
            for (var v = from.IntValue; v < to.IntValue; v++) items.Add((v, start));
            return new ConcatList(items, start);
        }
        if (!_current.Is('[')) throw Error("expected 'range(a, b)' or '['");
        Advance();
        while (!_current.Is(']'))
        {
            if (items.Count == SearchSpace.MaxNodes)
                throw Error($"a cell output concatenates at most {SearchSpace.MaxNodes} nodes");
            var item = ExpectInteger();
            items.Add((item.IntValue, item.Position));
            ExpectSeparator(']');
        }
        Advance();
        return new ConcatList(items, start);
    }

    private int[] CheckConcat(string cell, ConcatList concat, int nodes)
    {
        var values = concat.Items.Select(i => i.Value).ToArray();
        var error = Genotype.ValidateConcat(cell, values, nodes);
        if (error is null) return values;
        // Point at the offending element; a range or an empty list has only its start.
        var seen = new HashSet<int>();
        var at = concat.Start;
        foreach (var (value, position) in concat.Items)
        {
            if (value < 2 || value > nodes + 1 || !seen.Add(value))
            {
                at = position;
                break;
            }
        }
        throw At(at, error);
    }

    private Token ExpectInteger()
    {
        var token = _current;
        if (token.Kind != TokenKind.Integer) throw Error("expected a node index");
        Advance();
        return token;
    }

    // Python allows a trailing comma, so after an item either the closer or a comma may follow.
    private void ExpectSeparator(char closer)
    {
        if (_current.Is(closer)) return;
        if (!_current.Is(',')) throw Error($"expected ',' or '{closer}'");
        Advance();
    }

    private void Expect(char punctuation)
    {
        if (!_current.Is(punctuation)) throw Error($"expected '{punctuation}'");
        Advance();
    }

    private Token Peek() => _peeked ??= _tokens.Next();

    private void Advance()
    {
        if (_peeked is { } next)
        {
            _current = next;
            _peeked = null;
        }
        else
        {
            _current = _tokens.Next();
        }
    }

    private GenotypeFormatException Error(string expected)
    {
        // Rules checked on a token read "…: unknown operation 'x'…"; syntax errors read "expected X but found Y".
        var problem = expected.StartsWith("expected", StringComparison.Ordinal) ? $"{expected} but found {_current.Describe()}" : expected;
        return At(_current.Position, problem);
    }

    private GenotypeFormatException At(int position, string problem) => GenotypeFormatException.At(_text, position, problem);
}
