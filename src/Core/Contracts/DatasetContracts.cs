namespace PcDarts.Core.Contracts;

/// <summary>A data set registered on the platform: a spec's <c>dataset</c> may name it like a built-in.</summary>
/// <param name="Path">The folder as runner nodes see it (each runner checks it can read it, see <see cref="RunnerDto.Datasets"/>).</param>
public sealed record DatasetDto(string Name, string Format, string Path, int ImageSize, int Classes, string? Description, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>What an admin sends to register a data set or change one (the name of a registered set is its key and stays).</summary>
public sealed record DatasetRequest(string? Name, string? Format, string? Path, int? ImageSize, int? Classes, string? Description);

/// <summary>A data set a run may name, as the search and retrain forms offer it: a built-in or a registered set, with its sizes.</summary>
public sealed record DatasetChoice(string Name, int ImageSize, int Classes, bool BuiltIn);
