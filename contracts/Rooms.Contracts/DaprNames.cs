namespace AvatarStream.Contracts;

/// <summary>Every Dapr name the services use, spelled exactly as in <c>components/*.yaml</c> and the deployment files.</summary>
public static class DaprNames
{
    /// <summary>App-id of the room router.</summary>
    public const string RoomRouter = "room-router";

    /// <summary>App-id of the IP updater.</summary>
    public const string IpUpdater = "ip-updater";

    /// <summary>App-id of the recorder service.</summary>
    public const string Recorder = "recorder";

    /// <summary>The output binding the recorder stores files through and the room router reads them from.</summary>
    public const string RecordingsBinding = "recordings";

    /// <summary>The output binding that mails recording links to members who gave an address.</summary>
    public const string MailBinding = "mail";

    /// <summary>Stream instances are <c>stream-1</c>, <c>stream-2</c>, ...: one app-id each, so <c>/register</c> reaches the host of a room.</summary>
    public const string StreamAppIdPrefix = "stream-";

    /// <summary>The state store (also the actor state store).</summary>
    public const string StateStore = "statestore";

    /// <summary>The secret store holding <see cref="InternalTokenKey"/>.</summary>
    public const string SecretStore = "secretstore";

    /// <summary>Secret (and key in it) of the bearer token for internal calls.</summary>
    public const string InternalTokenKey = "internal-token";

    /// <summary>
    /// Optional second key of secret <see cref="InternalTokenKey"/>: a token accepted besides the current one while
    /// it is rotated (docs/deploy.md, "Rotating the internal token").
    /// </summary>
    public const string InternalTokenNextKey = "internal-token-next";

    /// <summary>Secret (and key in it) of the key that signs WebSocket tickets; at least 32 characters.</summary>
    public const string TicketKeyKey = "ticket-key";

    /// <summary>
    /// Optional second key of secret <see cref="TicketKeyKey"/>: a ticket key accepted besides the current one while
    /// it is rotated (docs/deploy.md, "Rotating the ticket key").
    /// </summary>
    public const string TicketKeyNextKey = "ticket-key-next";

    /// <summary>The cron input binding that wakes the IP updater.</summary>
    public const string InstanceSweepBinding = "instance-sweep";

    /// <summary>Actor type of a room.</summary>
    public const string RoomActor = "RoomActor";

    /// <summary>The app-id of stream instance <paramref name="n"/> (1-based).</summary>
    public static string StreamAppId(int n) => StreamAppIdPrefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
