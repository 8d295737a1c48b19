using PcDarts.Core.Contracts;
using PcDarts.Core.Genotypes;
using PcDarts.Core.Studies;

namespace PcDarts.Core.Tests.Studies;

public sealed class StudyAggregationTests
{
    private const string Succeeded = ExperimentStatuses.Succeeded;

    private static StudyMemberDto Member(string configuration, int seed, double? searchTop1, double? retrainTop1, long? parameters = 1000,
        string? genotype = null, string searchStatus = Succeeded, string? retrainStatus = Succeeded, long? searchPeakBytes = null) =>
        new(Guid.NewGuid(), configuration, seed, searchStatus, searchTop1, 60, genotype ?? PublishedGenotypes.PC_DARTS_cifar.ToDartsText(),
            retrainStatus is null ? null : Guid.NewGuid(), retrainStatus, retrainTop1, parameters, searchPeakBytes);

    [Fact]
    public void Mean_and_sample_std_match_the_hand_computed_values()
    {
        var stat = MeanStd.Of([90.0, 92.0, 94.0]);

        Assert.Equal(92.0, stat.Mean);
        Assert.Equal(2.0, stat.Std!.Value, 12);
        Assert.Equal(3, stat.N);
        Assert.Equal("92.00 ± 2.00 (n=3)", stat.Format());
    }

    [Fact]
    public void One_value_has_no_std_and_missing_values_are_not_counted()
    {
        var stat = MeanStd.Of([null, 80.0, null]);

        Assert.Equal(new MeanStd(80.0, null, 1), stat);
        Assert.Equal(new MeanStd(null, null, 0), MeanStd.Of([]));
    }

    [Fact]
    public void Scaled_values_keep_their_count_and_change_unit()
    {
        var bytes = MeanStd.Of([1024.0 * 1024 * 100, 1024.0 * 1024 * 300]);

        Assert.Equal("200 ± 141 (n=2)", bytes.Scaled(1.0 / (1 << 20)).Format("0"));
        Assert.Equal("—", MeanStd.Of([]).Scaled(2).Format());
    }

    [Fact]
    public void A_configuration_sums_up_its_searches_peak_memory()
    {
        var members = new[] { Member("k=2", 1, 50, 60, searchPeakBytes: 100), Member("k=2", 2, 54, 64, searchPeakBytes: 300), Member("k=2", 3, 54, 64) };

        var peak = Assert.Single(StudyAggregation.Configurations(members)).SearchPeakBytes;

        Assert.Equal(new MeanStd(200.0, Math.Sqrt(20000), 2), peak);
    }

    [Fact]
    public void Configurations_group_members_without_their_seed()
    {
        var members = new[] { Member("k=2", 1, 50, 60, 100), Member("k=2", 2, 54, 64, 300), Member("k=4", 1, 40, null, retrainStatus: null) };

        var configurations = StudyAggregation.Configurations(members);

        var k2 = configurations.Single(c => c.Configuration == "k=2");
        Assert.Equal(2, k2.Members);
        Assert.Equal(52.0, k2.SearchTop1.Mean);
        Assert.Equal(Math.Sqrt(8), k2.SearchTop1.Std!.Value, 12);
        Assert.Equal(62.0, k2.RetrainTop1.Mean);
        Assert.Equal(200.0, k2.Parameters.Mean);
        Assert.Equal(0, configurations.Single(c => c.Configuration == "k=4").RetrainTop1.N);
    }

    [Fact]
    public void Identical_genotypes_agree_on_every_edge_and_recur()
    {
        var members = new[] { Member("all", 1, 50, 60), Member("all", 2, 51, 61) };

        var configuration = Assert.Single(StudyAggregation.Configurations(members));

        Assert.Equal(1.0, configuration.EdgeAgreement);
        Assert.Equal(2, configuration.RecurringCount);
    }

    [Fact]
    public void Edge_agreement_counts_the_edges_every_genotype_keeps()
    {
        var a = Genotype.Parse("Genotype(normal=[('skip_connect', 0), ('sep_conv_3x3', 1), ('max_pool_3x3', 0), ('sep_conv_3x3', 2), ('skip_connect', 1), ('sep_conv_5x5', 3)], normal_concat=range(2, 5), reduce=[('skip_connect', 0), ('sep_conv_3x3', 1), ('max_pool_3x3', 0), ('sep_conv_3x3', 2), ('skip_connect', 1), ('sep_conv_5x5', 3)], reduce_concat=range(2, 5))");
        // Node 0 lists its edges in the other order (still agreed); node 1 of the normal cell changes one edge.
        var b = Genotype.Parse("Genotype(normal=[('sep_conv_3x3', 1), ('skip_connect', 0), ('max_pool_3x3', 0), ('dil_conv_3x3', 2), ('skip_connect', 1), ('sep_conv_5x5', 3)], normal_concat=range(2, 5), reduce=[('skip_connect', 0), ('sep_conv_3x3', 1), ('max_pool_3x3', 0), ('sep_conv_3x3', 2), ('skip_connect', 1), ('sep_conv_5x5', 3)], reduce_concat=range(2, 5))");

        Assert.Equal(11.0 / 12, EdgeAgreement.Of([a, b]));
        Assert.Null(EdgeAgreement.Of([a]));
        Assert.Empty(EdgeAgreement.Recurring([a, b]));
    }

    [Fact]
    public void Best_is_the_highest_retrain_else_the_highest_search()
    {
        var low = Member("k=2", 1, 70, 60);
        var high = Member("k=2", 2, 50, 65);
        Assert.Same(high, StudyAggregation.Best([low, high]));

        var searchOnly = new[] { Member("k=2", 1, 70, null, retrainStatus: null), Member("k=2", 2, 75, null, retrainStatus: null) };
        Assert.Equal(75, StudyAggregation.Best(searchOnly)!.SearchTop1);
    }

    [Fact]
    public void Status_waits_for_retrains_and_ends_as_its_members_did()
    {
        var waiting = new[] { Member("all", 1, 50, null, retrainStatus: null) };
        Assert.Equal(ExperimentStatuses.Running, StudyAggregation.Status(waiting, retrains: true, cancelRequested: false));
        Assert.Equal(ExperimentStatuses.Succeeded, StudyAggregation.Status(waiting, retrains: false, cancelRequested: false));
        Assert.Equal(ExperimentStatuses.Cancelled, StudyAggregation.Status(waiting, retrains: true, cancelRequested: true));

        var queued = new[] { Member("all", 1, null, null, searchStatus: ExperimentStatuses.Queued, retrainStatus: null) };
        Assert.Equal(ExperimentStatuses.Queued, StudyAggregation.Status(queued, retrains: true, cancelRequested: false));

        var failed = new[] { Member("all", 1, 50, 60), Member("all", 2, null, null, searchStatus: ExperimentStatuses.Failed, retrainStatus: null) };
        Assert.Equal(ExperimentStatuses.Failed, StudyAggregation.Status(failed, retrains: true, cancelRequested: false));
    }

    [Fact]
    public void A_study_runs_until_its_random_members_finish_and_fails_if_one_did()
    {
        var done = new[] { Member("all", 1, 50, 60) };
        Assert.Equal(ExperimentStatuses.Running, StudyAggregation.Status(done, true, false, [ExperimentStatuses.Succeeded, ExperimentStatuses.Running]));
        Assert.Equal(ExperimentStatuses.Succeeded, StudyAggregation.Status(done, true, false, [ExperimentStatuses.Succeeded]));
        Assert.Equal(ExperimentStatuses.Failed, StudyAggregation.Status(done, true, false, [ExperimentStatuses.Failed]));
    }

    [Fact]
    public void Comparisons_set_each_configuration_against_the_shared_random_members()
    {
        var configurations = StudyAggregation.Configurations([Member("k=2", 1, 50, 1), Member("k=2", 2, 50, 2), Member("k=2", 3, 50, 3), Member("k=4", 1, 40, 9)]);
        StudyRandomMemberDto Random(int seed, double? top1) => new(Guid.NewGuid(), seed, Succeeded, null, top1, 100);

        var comparisons = StudyAggregation.Comparisons(configurations, [Random(1, 4), Random(2, 5), Random(3, 6)]);

        var k2 = comparisons.Single(c => c.Configuration == "k=2");
        Assert.Equal(new MeanStd(5, 1, 3), k2.Random);
        Assert.Equal(-3, k2.Difference);
        Assert.Equal(4, k2.Interval!.DegreesOfFreedom, 10);
        Assert.Equal(60, k2.SearchSeconds.Mean);
        var k4 = comparisons.Single(c => c.Configuration == "k=4");
        Assert.Equal(4, k4.Difference);
        Assert.Null(k4.Interval);
        Assert.Empty(StudyAggregation.Comparisons(configurations, []));
    }
}
