using AvatarStream.DevSidecar.Scheduling;

namespace AvatarStream.DevSidecar.Tests;

// The due time, period and ttl formats the SDK and daprd use for reminders and timers (dapr-contract §5.2).
public sealed class ActorScheduleFormatTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0h0m0s200ms", 200)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("0", 0)]
    [InlineData("-1s", -1_000)]
    [InlineData("2us", 0.002)]
    [InlineData("36h0m0s0ms", 129_600_000)]
    public void GoDuration_ReadsGoSyntax(string text, double milliseconds)
    {
        Assert.True(GoDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("1d")]
    [InlineData("s")]
    [InlineData("1h-2m")]
    public void GoDuration_RejectsOtherText(string text) => Assert.False(GoDuration.TryParse(text, out _));

    [Theory]
    [InlineData("PT1S", 1, null)]
    [InlineData("R5/PT1S", 1, 5)]
    [InlineData("P1DT2H", 93_600, null)]
    [InlineData("P2W", 1_209_600, null)]
    [InlineData("PT0.5S", 0.5, null)]
    public void IsoDuration_ReadsIso8601WithRepetitions(string text, double seconds, int? repetitions)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration, out var count));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
        Assert.Equal(repetitions, count);
    }

    [Theory]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("1S")]
    [InlineData("R/PT1S")]
    public void IsoDuration_RejectsIncompleteText(string text) => Assert.False(IsoDuration.TryParse(text, out _, out _));

    [Fact]
    public void ActorSchedule_EmptyPeriod_FiresOnce()
    {
        Assert.True(ActorSchedule.TryCreate("0h0m1s0ms", "", null, Now, out var schedule, out _));

        Assert.Equal(Now.AddSeconds(1), schedule.FirstFire);
        Assert.Null(schedule.NextAfter(schedule.FirstFire, 1, schedule.FirstFire));
    }

    [Theory]
    [InlineData("@every 1s")]
    [InlineData("0h0m1s0ms")]
    [InlineData("PT1S")]
    public void ActorSchedule_Period_RepeatsEveryInterval(string period)
    {
        Assert.True(ActorSchedule.TryCreate("", period, null, Now, out var schedule, out _));

        Assert.Equal(Now, schedule.FirstFire);
        Assert.Equal(Now.AddSeconds(1), schedule.NextAfter(Now, 1, Now));
    }

    [Fact]
    public void ActorSchedule_IsoRepetitions_StopAfterTheCount()
    {
        Assert.True(ActorSchedule.TryCreate("", "R2/PT1S", null, Now, out var schedule, out _));

        Assert.NotNull(schedule.NextAfter(Now, 1, Now));
        Assert.Null(schedule.NextAfter(Now.AddSeconds(1), 2, Now.AddSeconds(1)));
    }

    [Fact]
    public void ActorSchedule_Ttl_EndsTheSchedule()
    {
        Assert.True(ActorSchedule.TryCreate("", "1s", "2500ms", Now, out var schedule, out _));

        Assert.Equal(Now.AddSeconds(2.5), schedule.ExpiresAt);
        Assert.Null(schedule.NextAfter(Now.AddSeconds(2), 3, Now.AddSeconds(2)));
    }

    [Fact]
    public void ActorSchedule_AbsoluteDueTime_IsRfc3339()
    {
        Assert.True(ActorSchedule.TryCreate("2025-01-01T12:00:05Z", "", null, Now, out var schedule, out _));

        Assert.Equal(Now.AddSeconds(5), schedule.FirstFire);
    }

    [Theory]
    [InlineData("soon", "")]
    [InlineData("", "often")]
    [InlineData("", "0s")]
    public void ActorSchedule_BadStrings_AreRejected(string due, string period) =>
        Assert.False(ActorSchedule.TryCreate(due, period, null, Now, out _, out _));
}
