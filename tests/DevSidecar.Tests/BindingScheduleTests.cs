using AvatarStream.DevSidecar.Bindings;

namespace AvatarStream.DevSidecar.Tests;

// Cron binding schedules as robfig/cron reads them (dapr-contract §6).
public sealed class BindingScheduleTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 10, 8, 15, 30, TimeSpan.Zero);

    [Fact]
    public void BindingSchedule_Every_CountsFromBindingStart()
    {
        Assert.True(BindingSchedule.TryParse("@every 10s", Start, out var schedule, out _));

        Assert.Equal(Start.AddSeconds(10), schedule.NextAfter(Start));
        Assert.Equal(Start.AddSeconds(30), schedule.NextAfter(Start.AddSeconds(25)));
        Assert.Equal("Local", schedule.TimeZone);
    }

    [Theory]
    [InlineData("CRON_TZ=UTC @hourly", 2025, 3, 10, 9, 0, 0)]
    [InlineData("CRON_TZ=UTC @daily", 2025, 3, 11, 0, 0, 0)]
    [InlineData("CRON_TZ=UTC @monthly", 2025, 4, 1, 0, 0, 0)]
    [InlineData("CRON_TZ=UTC */20 * * * * *", 2025, 3, 10, 8, 15, 40)]
    [InlineData("CRON_TZ=UTC 30 9 * * *", 2025, 3, 10, 9, 30, 0)]
    [InlineData("TZ=UTC 0 0 1 1 *", 2026, 1, 1, 0, 0, 0)]
    public void BindingSchedule_DescriptorsAndCronFields(string text, int y, int mo, int d, int h, int mi, int s)
    {
        Assert.True(BindingSchedule.TryParse(text, Start, out var schedule, out var error), error);

        Assert.Equal(new DateTimeOffset(y, mo, d, h, mi, s, TimeSpan.Zero), schedule.NextAfter(Start));
        Assert.Equal("UTC", schedule.TimeZone);
    }

    [Fact]
    public void BindingSchedule_CronTz_UsesThatZone()
    {
        Assert.True(BindingSchedule.TryParse("CRON_TZ=Asia/Tokyo 0 9 * * *", Start, out var schedule, out _));

        // 09:00 in Tokyo is 00:00 UTC; the start is past that on the 10th.
        Assert.Equal(new DateTimeOffset(2025, 3, 11, 0, 0, 0, TimeSpan.Zero), schedule.NextAfter(Start));
    }

    [Theory]
    [InlineData("")]
    [InlineData("@every")]
    [InlineData("@every soon")]
    [InlineData("@often")]
    [InlineData("* * *")]
    [InlineData("61 * * * *")]
    [InlineData("CRON_TZ=Nowhere/Atlantis @daily")]
    public void BindingSchedule_BadSchedules_AreRejected(string text) =>
        Assert.False(BindingSchedule.TryParse(text, Start, out _, out _));

    [Fact]
    public void GoTime_FormatsLikeGosTimeString()
    {
        Assert.Equal("2025-03-10 08:15:30 +0000 UTC", GoTime.FormatUtc(Start));
        Assert.Equal("2025-03-10 08:15:30.1234 +0000 UTC", GoTime.FormatUtc(Start.AddTicks(1_234_000)));
    }
}
