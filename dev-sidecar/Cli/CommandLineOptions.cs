namespace AvatarStream.DevSidecar.Cli;

// The standalone sidecar's flags, named as daprd's.
public sealed record CommandLineOptions
{
    public required string AppId { get; init; }

    public int? AppPort { get; init; }

    public int HttpPort { get; init; } = 3500;

    public int GrpcPort { get; init; } = 50001;

    public string? ResourcesPath { get; init; }

    public string StateDb { get; init; } = Path.Combine(".data", "state.db");

    public string? ApiToken { get; init; }

    public string? AppApiToken { get; init; }

    public string? ConfigFile { get; init; }

    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    // Component metadata overrides from --metadata.
    public IReadOnlyDictionary<(string Component, string Key), string> MetadataOverrides { get; init; } =
        new Dictionary<(string, string), string>();
}
