using AvatarStream.StreamService.Tests.Infrastructure;

namespace AvatarStream.StreamService.Tests.Service;

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
}
