using AvatarStream.StreamService.Tests.Infrastructure;

namespace AvatarStream.StreamService.Tests.Service;

// /metrics shows every meter of the process, so counts of drains and dropped rooms would add up those of tests running
// beside it: alone.
[Collection(nameof(AloneCollection))]
public sealed class MetricsTests
{
    [Fact(Timeout = 30_000)]
    public async Task MetricsEndpointExportsTheRelayMeter()
    {
        await using var app = new StreamServiceFactory();
        using var alice = await app.JoinAsync("00157");
        using var bob = await app.JoinAsync("00157");
        await alice.SendAsync(Payloads.Make(0, 0, 500));
        await bob.ReceiveAsync();
        await bob.CloseAsync();
        await app.Router.NextRemovalAsync(TestSocket.DefaultTimeout);

        using var http = app.CreateHttpClient();
        var metrics = await http.GetStringAsync("/metrics");

        Assert.Contains("avatarstream_stream_connections", metrics, StringComparison.Ordinal);
        Assert.Contains("avatarstream_stream_rooms", metrics, StringComparison.Ordinal);
        Assert.Contains("avatarstream_stream_messages_relayed", metrics, StringComparison.Ordinal);
        Assert.Contains("avatarstream_stream_bytes_relayed", metrics, StringComparison.Ordinal);
        Assert.Contains("avatarstream_stream_messages_dropped", metrics, StringComparison.Ordinal);
        Assert.Contains("reason=\"client_closed\"", metrics, StringComparison.Ordinal);
        Assert.Equal(1, app.Metrics.MessagesRelayed);
        Assert.Equal(500, app.Metrics.BytesRelayed);
        Assert.Equal(1, app.Metrics.Connections);
    }

    [Fact(Timeout = 30_000)]
    public async Task DroppedRoomsAndDrainsAreCounted()
    {
        await using var app = new StreamServiceFactory(("Stream:AnnounceInterval", "00:00:00.050"));
        await app.WaitForEraAsync();
        using var alice = await app.JoinAsync("00157");
        app.Router.Era = 2;
        await alice.ReceiveCloseAsync();
        await alice.Socket.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await app.Registry.WhenNoConnectionsAsync().WaitAsync(TestSocket.DefaultTimeout);
        using var drained = await app.PostInternalAsync(AvatarStream.Contracts.InternalRoutes.Drain);
        drained.EnsureSuccessStatusCode();

        using var http = app.CreateHttpClient();
        var metrics = await http.GetStringAsync("/metrics");

        Assert.Matches("(?m)^avatarstream_stream_rooms_dropped_total\\{[^}]*\\} 1$", metrics);
        Assert.Matches("(?m)^avatarstream_stream_drains_total\\{[^}]*\\} 1$", metrics);
        Assert.Contains("reason=\"moved\"", metrics, StringComparison.Ordinal);
    }
}
