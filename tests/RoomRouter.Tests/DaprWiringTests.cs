using System.Net;
using System.Text.Json;

namespace AvatarStream.RoomRouter.Tests;

public class DaprWiringTests
{
    [Fact]
    public async Task DaprConfig_AnnouncesTheRoomActor()
    {
        await using var app = new RouterApplication();
        using var client = app.CreateClient();

        using var config = JsonDocument.Parse(await client.GetStringAsync("/dapr/config"));

        Assert.Equal(["RoomActor"], config.RootElement.GetProperty("entities").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Healthz_StillAnswersBesideTheActorHandlers()
    {
        await using var app = new RouterApplication();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
