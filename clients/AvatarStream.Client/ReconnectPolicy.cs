namespace AvatarStream.Client;

// Exponential backoff with jitter, bounded in attempts and in time since the socket went away.
public sealed record ReconnectPolicy
{
    public static ReconnectPolicy Never { get; } = new() { MaxAttempts = 0 };

    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    public int MaxAttempts { get; init; } = 10;

    // No attempt starts later than this after the socket went away (the server keeps a seat for 30 s by default;
    // after that a rejoin still gets the same identity back).
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(2);

    // The least wait before the first attempt after close 1008 (the server found this client too slow or too noisy).
    public TimeSpan PolicyClosePause { get; init; } = TimeSpan.FromSeconds(2);

    // The wait before attempt number attempt (0-based): the step InitialDelay * 2^attempt, capped at MaxDelay, of which
    // half is fixed and half is scaled by jitter (0 <= jitter < 1), so clients that dropped together spread out.
    public TimeSpan DelayFor(int attempt, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        var step = Math.Min(MaxDelay.Ticks, InitialDelay.Ticks * Math.Pow(2, Math.Min(attempt, 62)));
        return TimeSpan.FromTicks((long)(step / 2 + step / 2 * Math.Clamp(jitter, 0, 1)));
    }
}
