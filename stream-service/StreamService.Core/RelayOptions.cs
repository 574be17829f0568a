using System.ComponentModel.DataAnnotations;

namespace AvatarStream.StreamService.Core;

/// <summary>Limits of the relay, bound from the <c>Stream</c> configuration section.</summary>
public sealed class RelayOptions
{
    public const string SectionName = "Stream";

    [Range(1, 64 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 1024 * 1024;

    /// <summary>Media messages queued per receiver before further ones are dropped for it.</summary>
    [Range(1, 65_536)]
    public int SendQueueCapacity { get; set; } = 256;

    /// <summary>A receiver whose socket accepts nothing for this long is closed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a close handshake may take before the socket is aborted.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A registered client that has not connected within this time is dropped; infinite disables it.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
