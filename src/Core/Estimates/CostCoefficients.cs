namespace PcDarts.Core.Estimates;

/// <summary>
/// The linear cost model of one network kind on one kind of device:
/// peak bytes = <see cref="BaseBytes"/> + batch × (<see cref="BytesPerPartialUnit"/> × partial + <see cref="BytesPerFullUnit"/> × full) + data, and
/// step seconds = <see cref="SecondsPerOperation"/> × operations + batch × (<see cref="SecondsPerPartialUnit"/> × partial + <see cref="SecondsPerFullUnit"/> × full)
/// (see <see cref="StepShape"/> for the units).
/// </summary>
public sealed record CostCoefficients(
    double BaseBytes, double BytesPerPartialUnit, double BytesPerFullUnit,
    double SecondsPerOperation, double SecondsPerPartialUnit, double SecondsPerFullUnit)
{
    public long PeakBytes(StepShape shape) =>
        (long)(BaseBytes + shape.BatchSize * (BytesPerPartialUnit * shape.PartialUnits + BytesPerFullUnit * shape.FullUnits)) + shape.DataBytes;

    public double StepSeconds(StepShape shape) =>
        SecondsPerOperation * shape.Operations + shape.BatchSize * (SecondsPerPartialUnit * shape.PartialUnits + SecondsPerFullUnit * shape.FullUnits);

    public double EpochSeconds(StepShape shape) => shape.StepsPerEpoch * StepSeconds(shape);
}
