using System.Diagnostics;

namespace AvatarStream.ProtocolBench;

// One run's schedule in Stopwatch ticks: senders start together, frames sent in [MeasureStart, MeasureEnd) count.
internal sealed class RunClock
{
    public RunClock(TimeSpan settle, TimeSpan warmUp, TimeSpan duration)
    {
        SendStart = Stopwatch.GetTimestamp() + Ticks(settle);
        MeasureStart = SendStart + Ticks(warmUp);
        MeasureEnd = MeasureStart + Ticks(duration);
    }

    public long SendStart { get; }

    public long MeasureStart { get; }

    public long MeasureEnd { get; }

    public static long Nanoseconds(long ticks) => (long)(ticks * (1e9 / Stopwatch.Frequency));

    public static Task DelayUntilAsync(long timestamp)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        return wait > TimeSpan.Zero ? Task.Delay(wait) : Task.CompletedTask;
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
