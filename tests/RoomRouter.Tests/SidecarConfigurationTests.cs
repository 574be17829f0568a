using System.Net;
using AvatarStream.RoomRouter.Tests.Fakes;

namespace AvatarStream.RoomRouter.Tests;

// The app finds its sidecar through configuration keys (never process environment variables), so several apps
// with their own sidecars can share one test process.
public class SidecarConfigurationTests
{
    [Fact]
    public async Task Register_GoesToTheSidecarNamedInConfiguration()
    {
        await using var sidecar = await LoopbackSidecar.StartAsync();
        await using var app = new RouterApplication(("DAPR_HTTP_ENDPOINT", sidecar.Address), ("DAPR_GRPC_ENDPOINT", sidecar.Address))
        {
            UseDaprStreamClient = true,
        };
        await app.AnnounceAsync("stream-7");
        using var client = app.CreateClient();

        var ticket = await client.PostAsync("/create-room", null).ReadTicketAsync();

        var (path, authorization, body) = Assert.Single(sidecar.Calls);
        Assert.Equal("/v1.0/invoke/stream-7/method/register", path);
        Assert.Equal("Bearer " + RouterApplication.Token, authorization);
        Assert.Equal(
            $$$"""{"room_id":"{{{ticket.RoomId}}}","client_id":"{{{ticket.ClientId}}}","role":"host","name":"Guest","settings":{"lobby":false,"join_closes_at":null,"open":false},"knock":false,"era":1}""",
            body);
    }

    [Fact]
    public async Task BrokenInstance_BehindTheSidecar_IsEvicted()
    {
        await using var sidecar = await LoopbackSidecar.StartAsync();
        await using var app = new RouterApplication(("DAPR_HTTP_ENDPOINT", sidecar.Address), ("DAPR_GRPC_ENDPOINT", sidecar.Address))
        {
            UseDaprStreamClient = true,
        };
        await app.AnnounceAsync("stream-broken");
        using var client = app.CreateClient();

        var response = await client.PostAsync("/create-room", null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(app.Actors.RoomsWithState());
    }
}
