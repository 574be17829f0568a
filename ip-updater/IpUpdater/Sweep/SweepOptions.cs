using System.ComponentModel.DataAnnotations;

namespace AvatarStream.IpUpdater.Sweep;

public sealed class SweepOptions
{
    // Consecutive failed probes before an instance is evicted; one lost probe is not a death.
    [Range(1, 100)]
    public int FailuresBeforeEvict { get; set; } = 2;

    // Within one sweep, a failed probe is repeated after this delay until the instance answers or has failed
    // FailuresBeforeEvict times, so a dead instance is evicted within one sweep interval rather than
    // after several. Zero leaves the confirmation to the next sweeps.
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ConfirmDelay { get; set; } = TimeSpan.FromSeconds(1);

    // How long a /health probe may take.
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
