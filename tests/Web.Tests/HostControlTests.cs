using Microsoft.Playwright;

namespace AvatarStream.Web.Tests;

// What a host can do from the page: end the room, remove a member, make another member host, lock the room.
[Collection(BrowserCollection.Name)]
public sealed class HostControlTests(BrowserFixture fixture) : PageTestBase(fixture)
{
    [Fact]
    public async Task The_host_ends_the_room_and_every_page_shows_it_ended_and_stays_ended()
    {
        var (host, guest, roomId) = await HostAndAvatarGuestLiveAsync("Nina", "Omar");
        Assert.False(await guest.IsVisibleAsync("#host-controls"));

        await host.ClickAsync("#end-room");
        await host.WaitForSelectorAsync("#end-confirm:not([hidden])");
        await host.ClickAsync("#end-confirm-yes");

        foreach (var page in new[] { host, guest })
        {
            await page.WaitForSelectorAsync("#ended[data-code=ended]:not([hidden])");
            await Assertions.Expect(page.Locator("#ended-text")).ToContainTextAsync("The host ended the room");
            await page.WaitForSelectorAsync("body[data-state=closed]");
        }

        // The room is gone at the router too, and neither page tried to get back in meanwhile.
        var status = await guest.EvaluateAsync<int>(
            "async (room) => (await fetch('/join-room', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ room_id: room }) })).status",
            roomId);
        Assert.Equal(410, status);
        foreach (var page in new[] { host, guest })
        {
            Assert.Equal("closed", await page.GetAttributeAsync("body", "data-state"));
            Assert.True(await page.IsVisibleAsync("#ended"));
        }
    }

    [Fact]
    public async Task A_host_removes_a_member_who_is_told_so_and_does_not_come_back()
    {
        var (host, guest, _) = await HostAndAvatarGuestLiveAsync("Pia", "Quinn");
        var guestNumber = await MemberNumberAsync(guest);

        await host.ClickAsync($"#members li[data-member='{guestNumber}'] button[data-action=remove]");

        await guest.WaitForSelectorAsync("#ended[data-code=removed]:not([hidden])");
        await Assertions.Expect(guest.Locator("#ended-text")).ToContainTextAsync("A host removed you");
        await host.WaitForSelectorAsync("#members[data-count='1']");
        await host.WaitForSelectorAsync($".tile[data-member='{guestNumber}']", new() { State = WaitForSelectorState.Detached });
        Assert.Equal("closed", await guest.GetAttributeAsync("body", "data-state"));
    }

    [Fact]
    public async Task A_host_makes_another_member_host_who_then_gets_the_host_controls()
    {
        var (host, guest, _) = await HostAndAvatarGuestLiveAsync("Rae", "Sam");
        var guestNumber = await MemberNumberAsync(guest);

        await host.ClickAsync($"#members li[data-member='{guestNumber}'] button[data-action=make-host]");

        await guest.WaitForSelectorAsync("body[data-role=host]");
        await guest.WaitForSelectorAsync("#host-controls:not([hidden])");
        await host.WaitForSelectorAsync($"#members li[data-member='{guestNumber}'][data-role=host]");
    }

    [Fact]
    public async Task Locking_the_room_shows_on_every_page_and_unlocking_clears_it()
    {
        var (host, guest, _) = await HostAndAvatarGuestLiveAsync("Tia", "Uma");

        await host.ClickAsync("#lock");
        await guest.WaitForSelectorAsync("#room[data-locked=true]");
        await host.WaitForSelectorAsync("#lock[aria-pressed=true]");
        Assert.True(await guest.IsVisibleAsync("#locked-badge"));

        await host.ClickAsync("#lock");
        await guest.WaitForSelectorAsync("#room[data-locked=false]");
    }
}
