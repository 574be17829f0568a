using AvatarStream.DevHost;
using Microsoft.Extensions.Logging;

namespace AvatarStream.Deployment.Tests;

public class DevHostLoggingTests
{
    [Fact]
    public void ByDefault_AppsAndSidecars_LogWarningsAndErrorsOnly()
    {
        var options = DevHostOptions.Parse([], out _)!;
        var router = LocalTopology.Create(options.Streams)["room-router"];

        Assert.Equal(LogLevel.Warning, options.LogLevel);
        Assert.Contains("--Logging:LogLevel:Default=Warning", router.AppArguments(options.LogLevel));
        Assert.Equal(["--log-level", "warn"], new ProcessRun(LocalTopology.Create(2), options, "/repo").SidecarArguments(router).TakeLast(2));
    }

    [Theory]
    [InlineData("--verbose")]
    [InlineData("--log-level", "info")]
    [InlineData("--log-level", "Information")]
    public void MoreLogging_RaisesTheServicesOwnLines_ButNotTheFrameworks(params string[] args)
    {
        var options = DevHostOptions.Parse(args, out _)!;
        var arguments = LocalTopology.Create(2)["stream-1"].AppArguments(options.LogLevel);

        Assert.Equal(LogLevel.Information, options.LogLevel);
        Assert.Contains("--Logging:LogLevel:Default=Information", arguments);
        Assert.Contains("--Logging:LogLevel:Microsoft=Warning", arguments);
        Assert.Contains("--Logging:LogLevel:System=Warning", arguments);
        Assert.Equal(["--log-level", "info"], ServiceLogging.SidecarArguments(options.LogLevel));
    }

    [Fact]
    public void Trace_RaisesTheFrameworksLinesToo()
    {
        var options = DevHostOptions.Parse(["--log-level", "trace"], out _)!;
        var arguments = LocalTopology.Create(2)["stream-1"].AppArguments(options.LogLevel);

        Assert.Contains("--Logging:LogLevel:Microsoft=Trace", arguments);
        Assert.Contains("--Logging:LogLevel:System=Trace", arguments);
        Assert.Equal(["--log-level", "trace"], ServiceLogging.SidecarArguments(options.LogLevel));
    }

    [Fact]
    public void AnUnknownLevel_IsRefused()
    {
        Assert.Null(DevHostOptions.Parse(["--log-level", "loud"], out var error));
        Assert.Contains("--log-level", error, StringComparison.Ordinal);
    }
}
