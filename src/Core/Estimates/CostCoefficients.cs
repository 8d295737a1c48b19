namespace PcDarts.Core.Estimates;

/// <summary>
/// The linear cost model of one network kind on one kind of device:
/// peak bytes = <see cref="BaseBytes"/> + batch × (<see cref="BytesPerPartialUnit"/> × partial + <see cref="BytesPerFullUnit"/> × full) + data, and
/// step seconds = <see cref="BaseStepSeconds"/> + batch × (<see cref="SecondsPerConvUnit"/> × conv + <see cref="SecondsPerFullUnit"/> × full)
/// (see <see cref="StepShape"/> for the units).
/// </summary>
public sealed record CostCoefficients(
    double BaseBytes, double BytesPerPartialUnit, double BytesPerFullUnit,
    double BaseStepSeconds, double SecondsPerConvUnit, double SecondsPerFullUnit)
{
    public long PeakBytes(StepShape shape) =>
        (long)(BaseBytes + shape.BatchSize * (BytesPerPartialUnit * shape.PartialUnits + BytesPerFullUnit * shape.FullUnits)) + shape.DataBytes;

    public double StepSeconds(StepShape shape) =>
        BaseStepSeconds + shape.BatchSize * (SecondsPerConvUnit * shape.ConvUnits + SecondsPerFullUnit * shape.FullUnits);

    public double EpochSeconds(StepShape shape) => shape.StepsPerEpoch * StepSeconds(shape);
}
