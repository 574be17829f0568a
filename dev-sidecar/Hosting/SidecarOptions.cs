namespace AvatarStream.DevSidecar.Hosting;

/// <summary>One sidecar: the app it serves and its two listeners (HTTP/1.1 API and HTTP/2-only gRPC, see dapr-contract §0.4).</summary>
public sealed record SidecarOptions
{
    public required string AppId { get; init; }

    /// <summary>The app's port on 127.0.0.1; null for a sidecar with no app.</summary>
    public int? AppPort { get; init; }

    /// <summary>HTTP API port; 0 picks a free one (read it back from <see cref="Sidecar.HttpPort"/>).</summary>
    public int HttpPort { get; init; }

    /// <summary>gRPC API port; 0 picks a free one.</summary>
    public int GrpcPort { get; init; }

    /// <summary>Folder of component YAML (<c>--resources-path</c>); null loads none.</summary>
    public string? ResourcesPath { get; init; }

    /// <summary>The token apps must send as <c>dapr-api-token</c> (DAPR_API_TOKEN); null or empty turns the check off.</summary>
    public string? ApiToken { get; init; }

    /// <summary>The token the sidecar sends to its app (APP_API_TOKEN); null sends none.</summary>
    public string? AppApiToken { get; init; }

    /// <summary>Enabled Configuration features (e.g. <c>ActorStateTTL</c>).</summary>
    public IReadOnlySet<string> Features { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Overrides a component's metadata value: (component, key) to value, e.g. a faster cron schedule for a local run.</summary>
    public IReadOnlyDictionary<(string Component, string Key), string> MetadataOverrides { get; init; } =
        new Dictionary<(string, string), string>();
}
