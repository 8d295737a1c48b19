namespace PcDarts.SearchRunner.Data;

public enum DatasetSplit
{
    Train,
    Test,
}
