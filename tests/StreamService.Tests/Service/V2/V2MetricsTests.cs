using AvatarStream.Contracts;
using AvatarStream.StreamService.Tests.Infrastructure;

namespace AvatarStream.StreamService.Tests.Service.V2;

// The exporter sees every relay meter of the process by name, so the exported values are this app's only when no
// other stream service runs beside it.
[Collection(nameof(AloneCollection))]
public sealed class V2MetricsTests
{
    [Fact(Timeout = 30_000)]
    public async Task MembersByRoleLobbyWaitsAndRefusalsAreExported()
    {
        await using var app = new StreamServiceFactory();
        var host = await app.JoinV2Async("00157", RoomRoles.Host, settings: new RoomSettings(Lobby: true));
        await host.NextAsync("welcome");
        var joiner = await app.JoinV2Async("00157", settings: new RoomSettings(Lobby: true));
        await joiner.NextAsync("waiting");
        var knock = await host.NextAsync("knock");
        await host.SendJsonAsync($$"""{"type":"admit","member":{{knock.GetProperty("member").GetInt32()}}}""");
        await joiner.NextAsync("welcome");
        await joiner.SendJsonAsync("""{"type":"lock"}""");
        await joiner.NextAsync("error");

        using var http = app.CreateHttpClient();
        var metrics = await http.GetStringAsync("/metrics");

        Assert.Equal("1", Sample(metrics, "avatarstream_stream_members", "role=\"host\""));
        Assert.Equal("1", Sample(metrics, "avatarstream_stream_members", "role=\"guest\""));
        Assert.Equal("0", Sample(metrics, "avatarstream_stream_members", "role=\"waiting\""));
        Assert.Equal("1", Sample(metrics, "avatarstream_stream_lobby_waits_total", "outcome=\"admitted\""));
        Assert.Equal("1", Sample(metrics, "avatarstream_stream_control_refused_total", "code=\"not_host\""));
        Assert.Equal("0", Sample(metrics, "avatarstream_stream_messages_dropped_total", "kind=\"video\""));
    }

    // The value of the one sample of a metric with the given label, in the Prometheus text format.
    private static string Sample(string metrics, string name, string label) =>
        Assert.Single(metrics.Split('\n'), line => line.StartsWith(name + "{", StringComparison.Ordinal) && line.Contains(label, StringComparison.Ordinal)).Split(' ')[^1];
}
