namespace AvatarStream.Client.Tests;

public sealed class ReconnectPolicyTests
{
    private static readonly ReconnectPolicy Policy = new() { InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };

    [Theory]
    [InlineData(0, 100)]
    [InlineData(1, 200)]
    [InlineData(2, 400)]
    [InlineData(3, 800)]
    [InlineData(4, 1000)]
    [InlineData(60, 1000)]
    [InlineData(int.MaxValue, 1000)]
    public void Delay_doubles_up_to_the_cap_and_jitter_spreads_the_upper_half(int attempt, int stepMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(stepMs / 2.0), Policy.DelayFor(attempt, 0));
        Assert.Equal(TimeSpan.FromMilliseconds(stepMs * 0.75), Policy.DelayFor(attempt, 0.5));
        Assert.InRange(Policy.DelayFor(attempt, 0.999999), TimeSpan.FromMilliseconds(stepMs * 0.99), TimeSpan.FromMilliseconds(stepMs));
    }

    [Fact]
    public void Never_makes_no_attempt() => Assert.Equal(0, ReconnectPolicy.Never.MaxAttempts);
}
