using PcDarts.Core.Estimates;

namespace PcDarts.Core.Tests.Estimates;

public class HostBaselineTests
{
    private const long Mib = 1 << 20;

    [Fact]
    public void A_peak_measured_in_a_bigger_host_is_calibrated_as_a_standalone_runner_would_have_measured_it()
    {
        // The API around an in-process runner held 700 MiB before the run; the run peaked at 1,200 MiB.
        var standalone = HostBaseline.ToStandalone(1200 * Mib, 700 * Mib);

        Assert.Equal(500 * Mib + HostBaseline.StandaloneBytes, standalone);
        Assert.Equal(1200 * Mib, HostBaseline.OnHost(standalone, 700 * Mib));
    }

    [Fact]
    public void Without_a_recorded_host_nothing_moves()
    {
        Assert.Equal(1200 * Mib, HostBaseline.ToStandalone(1200 * Mib, null));
        Assert.Equal(1200 * Mib, HostBaseline.OnHost(1200 * Mib, null));
    }

    [Fact]
    public void The_standalone_runner_is_its_own_baseline()
    {
        Assert.Equal(900 * Mib, HostBaseline.ToStandalone(900 * Mib, HostBaseline.StandaloneBytes));
        Assert.Equal(900 * Mib, HostBaseline.OnHost(900 * Mib, HostBaseline.StandaloneBytes));
    }
}
