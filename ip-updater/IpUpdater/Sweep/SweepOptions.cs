using System.ComponentModel.DataAnnotations;

namespace AvatarStream.IpUpdater.Sweep;

public sealed class SweepOptions
{
    /// <summary>Consecutive failed probes before an instance is evicted; one lost probe is not a death.</summary>
    [Range(1, 100)]
    public int FailuresBeforeEvict { get; set; } = 2;

    /// <summary>
    /// Within one sweep, a failed probe is repeated after this delay until the instance answers or has failed
    /// <see cref="FailuresBeforeEvict"/> times, so a dead instance is evicted within one sweep interval rather than
    /// after several. Zero leaves the confirmation to the next sweeps.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ConfirmDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a <c>/health</c> probe may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
