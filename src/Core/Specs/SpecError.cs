namespace PcDarts.Core.Specs;

/// <summary>One invalid field of a spec. <see cref="Field"/> is the camelCase JSON name, so the API can name it and the CLI can map it to its flag.</summary>
public sealed record SpecError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>Thrown where a spec reaches a component that cannot run it; carries every error at once.</summary>
public sealed class SpecValidationException(IReadOnlyList<SpecError> errors)
    : Exception(string.Join("; ", errors))
{
    public IReadOnlyList<SpecError> Errors { get; } = errors;
}
