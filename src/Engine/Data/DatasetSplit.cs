namespace PcDarts.Engine.Data;

public enum DatasetSplit
{
    Train,
    Test,
}
