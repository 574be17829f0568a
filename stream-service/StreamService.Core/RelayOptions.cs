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

    // A receiver whose socket accepts nothing for this long is closed.
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    // How long a close handshake may take before the socket is aborted.
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    // A registered client that has not connected within this time is dropped; infinite disables it.
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
