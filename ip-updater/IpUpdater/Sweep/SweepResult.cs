namespace AvatarStream.IpUpdater.Sweep;

// What one sweep saw and did.
public sealed record SweepResult(int Probed, int Unhealthy, IReadOnlyList<string> Evicted, bool Skipped = false)
{
    public static readonly SweepResult SkippedRun = new(0, 0, [], Skipped: true);
}
