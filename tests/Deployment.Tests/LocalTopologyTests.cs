using AvatarStream.DevHost;

namespace AvatarStream.Deployment.Tests;

public class LocalTopologyTests
{
    [Fact]
    public void StartOrder_PutsTheStreamsFirst_TheRouterNext_AndTheIpUpdaterLast()
    {
        var topology = LocalTopology.Create(3);

        Assert.Equal(["stream-1", "stream-2", "stream-3", "room-router", "ip-updater"], topology.StartOrder.Select(app => app.AppId));
        Assert.Equal(["room-router", "stream-1", "stream-2", "stream-3", "ip-updater"], topology.Apps.Select(app => app.AppId));
    }
}
