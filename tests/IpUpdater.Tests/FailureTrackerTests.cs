using AvatarStream.IpUpdater.Sweep;

namespace AvatarStream.IpUpdater.Tests;

public class FailureTrackerTests
{
    [Fact]
    public void EvictsOnlyAfterTheConfiguredFailuresInARow()
    {
        var tracker = new FailureTracker(failuresBeforeEvict: 2);

        Assert.False(tracker.Record("stream-1", healthy: false));
        Assert.True(tracker.Record("stream-1", healthy: false));
    }

    [Fact]
    public void AHealthyProbeResetsTheCount()
    {
        var tracker = new FailureTracker(failuresBeforeEvict: 2);

        tracker.Record("stream-1", healthy: false);
        tracker.Record("stream-1", healthy: true);

        Assert.False(tracker.Record("stream-1", healthy: false));
        Assert.Equal(1, tracker.FailuresOf("stream-1"));
    }

    [Fact]
    public void ForgetsInstancesThatAreNoLongerRegistered()
    {
        var tracker = new FailureTracker(failuresBeforeEvict: 3);
        tracker.Record("stream-1", healthy: false);
        tracker.Record("stream-2", healthy: false);

        tracker.Retain(["stream-2"]);

        Assert.Equal(0, tracker.FailuresOf("stream-1"));
        Assert.Equal(1, tracker.FailuresOf("stream-2"));
    }
}
