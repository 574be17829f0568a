using System.ComponentModel.DataAnnotations;

namespace AvatarStream.IpUpdater.Sweep;

public sealed class SweepOptions
{
    /// <summary>Consecutive failed probes before an instance is evicted; one lost probe is not a death.</summary>
    [Range(1, 100)]
    public int FailuresBeforeEvict { get; set; } = 2;

    /// <summary>How long a <c>/health</c> probe may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
