using System.ComponentModel.DataAnnotations;

namespace AvatarStream.StreamService;

// This instance's identity and its side of the control plane (section Stream).
public sealed class StreamOptions
{
    // This instance's Dapr app-id, e.g. stream-1, announced to the room router (see StreamOptionsValidator).
    public string InstanceId { get; set; } = string.Empty;

    // The WebSocket URL browsers use to reach this instance.
    [Required]
    [RegularExpression(@"^(wss?|https?)://\S+$")]
    public string PublicUrl { get; set; } = string.Empty;

    // Browser origins, besides this instance's own, whose pages may open a socket: the page's origin (the room
    // router's public URL) and any other front end. A socket request without an Origin header is always admitted.
    public string[] AllowedOrigins { get; set; } = [];

    // WebSocket upgrades per client address, as a token bucket: UpgradeBurst at once, then UpgradesPerMinute. A
    // member opens one socket and another on each reconnect; a classroom behind one NAT reconnecting together after a
    // network hiccup fits in the burst, while one address trying pairs is slowed to one a second.
    [Range(1, 600_000)]
    public int UpgradesPerMinute { get; set; } = 60;

    [Range(1, 100_000)]
    public int UpgradeBurst { get; set; } = 60;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    // A socket that answers no ping for this long is aborted, so half-open connections do not linger.
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    // How often the instance announces itself again after start (its heartbeat), so that an instance evicted while alive
    // (a probe or a register that timed out) is offered again within this time, and learns a new placement era soon.
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan AnnounceInterval { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan PutTaskRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    // Apps start in any order (dapr run -f ., Kubernetes, the devhost starts the streams first), so an instance is
    // unregistered for up to this long after the router comes up. One cheap call per instance: keep it short.
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan PutTaskMaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
