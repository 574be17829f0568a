using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults.InternalAuth;
using Microsoft.Extensions.Time.Testing;
using static AvatarStream.RoomRouter.Tests.InternalAuth.TokenSources;

namespace AvatarStream.RoomRouter.Tests.InternalAuth;

// DaprSecretTokenSource over a secret the test edits, and the rotation procedure of docs/deploy.md.
public class TokenRotationTests
{
    private readonly FakeTimeProvider _clock = new();
    private Dictionary<string, string> _secret = new() { [DaprNames.InternalTokenKey] = "old" };
    private int _reads;

    private DaprSecretTokenSource NewSource() => new(_ =>
    {
        _reads++;
        return Task.FromResult(new Dictionary<string, string>(_secret));
    }, _clock);

    private void SetSecret(string current, string? next = null)
    {
        _secret = new() { [DaprNames.InternalTokenKey] = current };
        if (next is not null)
        {
            _secret[DaprNames.InternalTokenNextKey] = next;
        }
    }

    [Fact]
    public async Task ChangedSecret_IsPickedUpAfterKeepFor()
    {
        var source = NewSource();
        Assert.Equal("old", (await source.GetAsync(refresh: false, CancellationToken.None)).Current);

        SetSecret("new", "old");
        Assert.Equal("old", (await source.GetAsync(refresh: false, CancellationToken.None)).Current);

        _clock.Advance(DaprSecretTokenSource.KeepFor);
        var tokens = await source.GetAsync(refresh: false, CancellationToken.None);
        Assert.Equal(("new", "old"), (tokens.Current, tokens.Next));
    }

    [Fact]
    public async Task ForcedRefresh_ReadsAgainSoon_ButNotOnEveryCall()
    {
        var source = NewSource();
        await source.GetAsync(refresh: false, CancellationToken.None);
        SetSecret("new");

        // Right after a read a forced refresh still answers from it: wrong tokens must not flood the store.
        Assert.Equal("old", (await source.GetAsync(refresh: true, CancellationToken.None)).Current);
        Assert.Equal(1, _reads);

        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("new", (await source.GetAsync(refresh: true, CancellationToken.None)).Current);
        Assert.Equal(2, _reads);
    }

    [Fact]
    public async Task RefusedCall_WithATokenJustAdded_PassesAfterTheFilterRereads()
    {
        var receiver = NewSource();
        await receiver.GetAsync(refresh: false, CancellationToken.None);
        SetSecret("old", "new");
        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(200, await FilterAsync(receiver, "Bearer new"));
    }

    [Fact]
    public async Task FailedRead_IsNotCached()
    {
        var fail = true;
        var source = new DaprSecretTokenSource(_ => fail
            ? Task.FromException<Dictionary<string, string>>(new InvalidOperationException("sidecar not up"))
            : Task.FromResult(new Dictionary<string, string>(_secret)), _clock);

        await Assert.ThrowsAsync<InvalidOperationException>(() => source.GetAsync(refresh: false, CancellationToken.None).AsTask());
        fail = false;
        Assert.Equal("old", (await source.GetAsync(refresh: false, CancellationToken.None)).Current);
    }


    // The documented steps; between two steps every service reads the secret again (KeepFor passes, or a restart).
    [Fact]
    public async Task Rotation_NeverRefusesACall_WhateverStepSenderAndReceiverHaveSeen()
    {
        (string Current, string? Next)[] steps = [("old", null), ("old", "new"), ("new", "old"), ("new", null)];
        for (var i = 1; i < steps.Length; i++)
        {
            // Services that read just before the step and services that read just after it, in every pairing.
            var before = NewSource();
            await before.GetAsync(refresh: false, CancellationToken.None);
            SetSecret(steps[i].Current, steps[i].Next);
            var after = NewSource();

            foreach (var sender in new[] { before, after })
            {
                foreach (var receiver in new[] { before, after })
                {
                    Assert.Equal(200, await FilterAsync(receiver, await SentAsync(sender)));
                }
            }

            _clock.Advance(DaprSecretTokenSource.KeepFor);
        }

        Assert.Equal(401, await FilterAsync(NewSource(), "Bearer old"));
    }

    [Fact]
    public async Task Rotation_OldAndNewSender_AreAcceptedAtEveryStateBeforeTheEnd()
    {
        // An old sender keeps sending "old" until it has seen the swap; a new one sends "new" from the swap on.
        Assert.Equal(200, await FilterAsync(Pinned("old"), "Bearer old"));
        Assert.Equal(200, await FilterAsync(Pinned("old", "new"), "Bearer old"));
        Assert.Equal(200, await FilterAsync(Pinned("old", "new"), "Bearer new"));
        Assert.Equal(200, await FilterAsync(Pinned("new", "old"), "Bearer old"));
        Assert.Equal(200, await FilterAsync(Pinned("new", "old"), "Bearer new"));
        Assert.Equal(200, await FilterAsync(Pinned("new"), "Bearer new"));
    }

    [Fact]
    public async Task SkippingTheWait_WouldRefuse_WhichIsWhyTheProcedureWaits()
    {
        // Swapping before every receiver has seen "add next": a swapped sender meets a receiver that knows only "old".
        Assert.Equal(401, await FilterAsync(Pinned("old"), await SentAsync(Pinned("new", "old"))));
    }
}
