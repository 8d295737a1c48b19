using PcDarts.Core.Specs;

namespace PcDarts.Api.Infrastructure;

/// <summary>Collects field errors under their JSON paths ("name", "spec.epochs") for a ValidationProblem.</summary>
internal sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        // A study checks each of its members: one problem they share is said once.
        if (!list.Contains(message)) list.Add(message);
    }

    public void Require(bool ok, string field, string message) { if (!ok) Add(field, message); }

    public void AddSpecErrors(string prefix, IEnumerable<SpecError> errors)
    {
        foreach (var e in errors) Add($"{prefix}.{e.Field}", e.Message);
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
}
