using System.Globalization;

namespace AvatarStream.DevSidecar.Cli;

// Parses daprd-style flags (--flag value, --flag=value, one or two leading dashes). Tokens fall back to
// the DAPR_API_TOKEN / APP_API_TOKEN environment variables, as daprd's do.
public static class CommandLine
{
    public const string Usage = """
        usage: dev-sidecar --app-id ID [options]
          --app-id ID              the app this sidecar serves (required)
          --app-port N             the app's HTTP port on 127.0.0.1 (omit for a sidecar without an app)
          --dapr-http-port N       HTTP API port (default 3500; 0 picks a free one)
          --dapr-grpc-port N       gRPC API port (default 50001; 0 picks a free one)
          --resources-path DIR     component YAML folder (alias --components-path)
          --state-db PATH          SQLite file shared by every local sidecar (default .data/state.db)
          --dapr-api-token T       token apps must send (default: env DAPR_API_TOKEN)
          --app-api-token T        token sent to the app (default: env APP_API_TOKEN)
          --config FILE            Dapr Configuration YAML (spec.features)
          --log-level LEVEL        trace | debug | info | warn | error (default info); Microsoft.* stays
                                   at warn and above, but at trace
          --metadata C.KEY=VALUE   override component C's metadata KEY (repeatable; not a daprd flag), e.g.
                                   --metadata instance-sweep.schedule="@every 10s"
        """;

    // The options, or null with error set (the caller prints usage and exits 2).
    public static CommandLineOptions? Parse(IReadOnlyList<string> args, Func<string, string?> environment, out string error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var overrides = new Dictionary<(string Component, string Key), string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-') || arg.TrimStart('-').Length == 0)
            {
                error = $"unexpected argument '{arg}'";
                return null;
            }

            var flag = arg.TrimStart('-');
            string value;
            var equals = flag.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = flag[(equals + 1)..];
                flag = flag[..equals];
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                error = $"flag --{flag} needs a value";
                return null;
            }

            flag = flag == "components-path" ? "resources-path" : flag;
            if (!Known.Contains(flag))
            {
                error = $"unknown flag --{flag}";
                return null;
            }

            if (flag == "metadata")
            {
                if (!TryOverride(value, out var target, out var overrideValue))
                {
                    error = $"--metadata takes COMPONENT.KEY=VALUE, not '{value}'";
                    return null;
                }

                overrides[target] = overrideValue;
                continue;
            }

            values[flag] = value;
        }

        if (!values.TryGetValue("app-id", out var appId) || string.IsNullOrWhiteSpace(appId))
        {
            error = "--app-id is required";
            return null;
        }

        var options = new CommandLineOptions
        {
            AppId = appId,
            ResourcesPath = values.GetValueOrDefault("resources-path"),
            ApiToken = values.GetValueOrDefault("dapr-api-token") ?? Blank(environment("DAPR_API_TOKEN")),
            AppApiToken = values.GetValueOrDefault("app-api-token") ?? Blank(environment("APP_API_TOKEN")),
            ConfigFile = values.GetValueOrDefault("config"),
            MetadataOverrides = overrides,
        };

        if (values.TryGetValue("state-db", out var stateDb))
        {
            options = options with { StateDb = stateDb };
        }

        if (!TryPort(values, "app-port", 1, out var appPort, out error)
            || !TryPort(values, "dapr-http-port", 0, out var httpPort, out error)
            || !TryPort(values, "dapr-grpc-port", 0, out var grpcPort, out error))
        {
            return null;
        }

        options = options with { AppPort = appPort, HttpPort = httpPort ?? options.HttpPort, GrpcPort = grpcPort ?? options.GrpcPort };
        if (values.TryGetValue("log-level", out var level))
        {
            if (LevelOf(level) is not { } logLevel)
            {
                error = $"--log-level must be trace, debug, info, warn or error, not '{level}'";
                return null;
            }

            options = options with { LogLevel = logLevel };
        }

        if (options.HttpPort != 0 && options.HttpPort == options.GrpcPort)
        {
            error = "--dapr-http-port and --dapr-grpc-port must differ";
            return null;
        }

        error = "";
        return options;
    }

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "app-id", "app-port", "dapr-http-port", "dapr-grpc-port", "resources-path", "state-db",
        "dapr-api-token", "app-api-token", "config", "log-level", "metadata",
    };

    private static bool TryOverride(string text, out (string Component, string Key) target, out string value)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var dot = equals > 0 ? text.LastIndexOf('.', equals - 1) : -1;
        target = dot > 0 ? (text[..dot], text[(dot + 1)..equals]) : default;
        value = equals > 0 ? text[(equals + 1)..] : "";
        return dot > 0 && dot + 1 < equals;
    }

    private static bool TryPort(Dictionary<string, string> values, string flag, int min, out int? port, out string error)
    {
        port = null;
        error = "";
        if (!values.TryGetValue(flag, out var text))
        {
            return true;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > 65535)
        {
            error = $"--{flag} must be a port number ({min}-65535), not '{text}'";
            return false;
        }

        port = value;
        return true;
    }

    private static LogLevel? LevelOf(string text) => text.ToLowerInvariant() switch
    {
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "info" => LogLevel.Information,
        "warn" or "warning" => LogLevel.Warning,
        "error" => LogLevel.Error,
        _ => null,
    };

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
