using AvatarStream.DevHost;
using Microsoft.Extensions.Logging;

namespace AvatarStream.Deployment.Tests;

public class LocalTopologyTests
{
    [Fact]
    public void StartOrder_PutsTheStreamsFirst_TheRouterNext_AndTheIpUpdaterAndRecorderLast()
    {
        var topology = LocalTopology.Create(3);

        Assert.Equal(["stream-1", "stream-2", "stream-3", "room-router", "ip-updater", "recorder"], topology.StartOrder.Select(app => app.AppId));
        Assert.Equal(["room-router", "stream-1", "stream-2", "stream-3", "ip-updater", "recorder"], topology.Apps.Select(app => app.AppId));
    }

    [Theory]
    [InlineData(null, 5000)]
    [InlineData(20000, 20000)]
    public void Streams_AdmitThePageOfTheRouter(int? basePort, int routerPort)
    {
        var topology = LocalTopology.Create(2, basePort);
        Assert.Equal($"http://127.0.0.1:{routerPort}", topology["room-router"].AppUrl);

        var arguments = topology["stream-2"].AppArguments(LogLevel.Information);

        Assert.Contains($"--Stream:AllowedOrigins:0=http://127.0.0.1:{routerPort}", arguments);
        Assert.Contains($"--Stream:AllowedOrigins:1=http://localhost:{routerPort}", arguments);
    }
}
