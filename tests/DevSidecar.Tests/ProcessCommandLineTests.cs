using AvatarStream.DevSidecar.Cli;
using AvatarStream.DevSidecar.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace AvatarStream.DevSidecar.Tests;

// The standalone sidecar's daprd-style flags.
public sealed class ProcessCommandLineTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void CommandLine_ReadsDaprdFlags()
    {
        var options = CommandLine.Parse(
            ["--app-id", "room-router", "--app-port=5001", "-dapr-http-port", "3501", "--dapr-grpc-port", "50002",
             "--components-path", "components", "--state-db", "x.db", "--dapr-api-token", "t1", "--log-level", "warn"],
            NoEnvironment, out var error);

        Assert.NotNull(options);
        Assert.Equal("", error);
        Assert.Equal(("room-router", 5001, 3501, 50002), (options.AppId, options.AppPort, options.HttpPort, options.GrpcPort));
        Assert.Equal(("components", "x.db", "t1"), (options.ResourcesPath, options.StateDb, options.ApiToken));
        Assert.Equal(LogLevel.Warning, options.LogLevel);
    }

    [Fact]
    public void CommandLine_MetadataOverridesNameComponentAndKey()
    {
        var options = CommandLine.Parse(
            ["--app-id", "a", "--metadata", "instance-sweep.schedule=@every 10s", "--metadata=my.store.keyPrefix=none"],
            NoEnvironment, out var error)!;

        Assert.Equal("", error);
        Assert.Equal("@every 10s", options.MetadataOverrides[("instance-sweep", "schedule")]);
        Assert.Equal("none", options.MetadataOverrides[("my.store", "keyPrefix")]);
    }

    [Theory]
    [InlineData("schedule=@every 1s")]
    [InlineData("instance-sweep.schedule")]
    [InlineData("instance-sweep.=x")]
    public void CommandLine_RejectsAMalformedMetadataOverride(string value)
    {
        Assert.Null(CommandLine.Parse(["--app-id", "a", "--metadata", value], NoEnvironment, out var error));
        Assert.Contains("--metadata takes COMPONENT.KEY=VALUE", error, StringComparison.Ordinal);
    }

    [Fact]
    public void CommandLine_Defaults_AndTokensFromTheEnvironment()
    {
        var environment = new Dictionary<string, string?> { ["DAPR_API_TOKEN"] = "env-dapr", ["APP_API_TOKEN"] = "env-app" };

        var options = CommandLine.Parse(["--app-id", "a"], k => environment.GetValueOrDefault(k), out _)!;

        Assert.Equal((3500, 50001, (int?)null), (options.HttpPort, options.GrpcPort, options.AppPort));
        Assert.Equal(Path.Combine(".data", "state.db"), options.StateDb);
        Assert.Equal(("env-dapr", "env-app"), (options.ApiToken, options.AppApiToken));
    }

    [Theory]
    [InlineData(new[] { "--app-port", "5000" }, "--app-id is required")]
    [InlineData(new[] { "--app-id", "a", "--app-port", "x" }, "--app-port must be a port number")]
    [InlineData(new[] { "--app-id", "a", "--dapr-http-port", "70000" }, "--dapr-http-port must be a port number")]
    [InlineData(new[] { "--app-id", "a", "--bogus", "1" }, "unknown flag --bogus")]
    [InlineData(new[] { "--app-id" }, "flag --app-id needs a value")]
    [InlineData(new[] { "--app-id", "a", "stray" }, "unexpected argument 'stray'")]
    [InlineData(new[] { "--app-id", "a", "--dapr-http-port", "4000", "--dapr-grpc-port", "4000" }, "must differ")]
    public void CommandLine_BadFlags_AreExplained(string[] args, string expected)
    {
        Assert.Null(CommandLine.Parse(args, NoEnvironment, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigurationFile_ReadsEnabledFeatures()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("config.yaml"), """
            apiVersion: dapr.io/v1alpha1
            kind: Configuration
            metadata:
              name: features
            spec:
              features:
                - name: ActorStateTTL
                  enabled: true
                - name: SomethingElse
                  enabled: false
            """);

        Assert.Equal(["ActorStateTTL"], ConfigurationFile.ReadFeatures(folder.File("config.yaml")));
    }
}
