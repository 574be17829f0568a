using AvatarStream.StreamService.Tickets;
using Microsoft.Extensions.Time.Testing;

namespace AvatarStream.StreamService.Tests.Tickets;

public sealed class UsedTicketsTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ANonceIsUsableOnce()
    {
        var used = new UsedTickets(_clock);

        Assert.True(used.TryUse("n-1", _clock.GetUtcNow().AddMinutes(1)));
        Assert.False(used.TryUse("n-1", _clock.GetUtcNow().AddMinutes(1)));
        Assert.True(used.TryUse("n-2", _clock.GetUtcNow().AddMinutes(1)));
    }

    [Fact]
    public void ANonceIsForgottenOnlyAfterItsTicketExpired()
    {
        var used = new UsedTickets(_clock);
        used.TryUse("n-1", _clock.GetUtcNow().AddMinutes(1));

        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(used.TryUse("n-1", _clock.GetUtcNow().AddMinutes(1)));
        _clock.Advance(TimeSpan.FromSeconds(2));
        used.TryUse("n-other", _clock.GetUtcNow().AddMinutes(1));

        Assert.Equal(1, used.Count);
    }
}
