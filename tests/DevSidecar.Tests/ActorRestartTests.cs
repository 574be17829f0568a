using AvatarStream.DevSidecar.Hosting;
using AvatarStream.DevSidecar.Tests.Infrastructure;
using AvatarStream.SidecarTestApp;

namespace AvatarStream.DevSidecar.Tests;

// What a durable store buys: actor state and reminders outlive the sidecar (and the app) that wrote them.
public sealed class ActorRestartTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Actor_StateSurvivesASidecarAndAppRestart()
    {
        var db = _folder.File("state.db");
        await using (var cluster = SidecarCluster.Sqlite(db, TimeProvider.System))
        await using (var first = await AppWithSidecar.StartAsync(cluster, "durable"))
        {
            await first.Actor("keeper").SetValueAsync("still here");
        }

        await using var reopened = SidecarCluster.Sqlite(db, TimeProvider.System);
        await using var second = await AppWithSidecar.StartAsync(reopened, "durable");

        Assert.Equal("still here", await second.Actor("keeper").GetValueAsync());
    }

    [Fact]
    public async Task Actor_ReminderSurvivesASidecarRestart()
    {
        var db = _folder.File("state.db");
        await using var cluster = SidecarCluster.Sqlite(db, TimeProvider.System);
        await using var host = await AppWithSidecar.StartAsync(cluster, "durable");
        await host.Actor("sleeper").StartReminderAsync(new ScheduleSpec("wake", 1500, -1));

        await using var reopened = SidecarCluster.Sqlite(db, TimeProvider.System);
        await host.RestartSidecarAsync(reopened);

        await Eventually.GetAsync(() => host.Probe.Events, e => e.Contains("reminder:sleeper:wake:wake"), TimeSpan.FromSeconds(10), "the reminder after restart");
    }
}
