using System.ComponentModel.DataAnnotations;

namespace AvatarStream.StreamService.Core;

// Limits of the relay, bound from the Stream configuration section.
public sealed class RelayOptions
{
    public const string SectionName = "Stream";

    [Range(1, 64 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 1024 * 1024;

    // Media messages queued per receiver before further ones are dropped for it.
    [Range(1, 65_536)]
    public int SendQueueCapacity { get; set; } = 256;

    // v2 control messages queued per receiver; past this the receiver is too slow and is closed with 1008.
    [Range(16, 1_048_576)]
    public int ControlQueueCapacity { get; set; } = 1024;

    // v2: how long a member whose socket dropped stays, reconnecting, for a resume.
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ResumeGrace { get; set; } = TimeSpan.FromSeconds(30);

    // v2: how long a joiner may wait in the lobby for a host's decision.
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan KnockTimeout { get; set; } = TimeSpan.FromMinutes(10);

    // v2: control messages a member may send, sustained and in a burst, before they are refused with rate_limited.
    [Range(1, 10_000)]
    public int ControlMessagesPerSecond { get; set; } = 50;

    [Range(1, 100_000)]
    public int ControlMessageBurst { get; set; } = 200;

    // v2: refused messages (bad, too large, rate limited) a member may send per minute before it is closed with 1008.
    [Range(1, 10_000)]
    public int BadMessagesPerMinute { get; set; } = 20;

    // A receiver whose socket accepts nothing for this long is closed.
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    // How long a close handshake may take before the socket is aborted.
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    // A registered client that has not connected within this time is dropped; infinite disables it.
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
