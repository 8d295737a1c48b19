using PcDarts.Core.Specs;

namespace PcDarts.Web.Components.Forms;

/// <summary>Field messages keyed by the spec's camelCase names: the spec's own Validate(), then whatever the API answered on submit.</summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

    public IReadOnlyList<string> For(string field) => _byField.TryGetValue(field, out var list) ? list : [];

    public bool Any => _byField.Count > 0;

    public IEnumerable<KeyValuePair<string, List<string>>> All => _byField;

    public void Clear() => _byField.Clear();

    public void Add(string field, string message)
    {
        if (!_byField.TryGetValue(field, out var list)) _byField[field] = list = [];
        if (!list.Contains(message)) list.Add(message);
    }

    /// <param name="prefix">Put before each field ("retrain."): where a form edits a spec inside a larger request, as the API names it.</param>
    public void AddSpec(IEnumerable<SpecError> errors, string prefix = "")
    {
        foreach (var e in errors) Add(prefix + e.Field, e.Message);
    }

    /// <summary>The API's ValidationProblem keys: "spec.epochs" belongs to the epochs field, "name" to the name field.</summary>
    public void AddProblem(IReadOnlyDictionary<string, string[]> errors)
    {
        foreach (var (key, messages) in errors)
            foreach (var m in messages)
                Add(key.StartsWith("spec.", StringComparison.Ordinal) ? key["spec.".Length..] : key, m);
    }
}
