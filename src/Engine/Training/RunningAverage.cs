namespace PcDarts.Engine.Training;

/// <summary>Loss and accuracy averaged over examples (not batches), so a short last batch weighs what it holds.</summary>
public sealed class RunningAverage
{
    private double _lossSum;
    private long _top1;
    private long _top5;
    public long Count { get; private set; }

    public void Add(double meanLoss, long batchSize, long top1Correct, long top5Correct = 0)
    {
        _lossSum += meanLoss * batchSize;
        _top1 += top1Correct;
        _top5 += top5Correct;
        Count += batchSize;
    }

    public double Loss => Count == 0 ? double.NaN : _lossSum / Count;
    public double Top1 => Count == 0 ? double.NaN : 100.0 * _top1 / Count;
    public double Top5 => Count == 0 ? double.NaN : 100.0 * _top5 / Count;
}
