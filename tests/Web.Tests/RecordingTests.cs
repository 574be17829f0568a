using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AvatarStream.Web.Tests;

// Recording a room from the page, against the shared devhost and its recorder (ffmpeg): the record control, the badge
// every member sees, pairs moving to the relay while recorded, and a link whose watch page plays the file.
[Collection(BrowserCollection.Name)]
public sealed partial class RecordingTests(BrowserFixture fixture) : PageTestBase(fixture)
{
    // From Stop to the link: the recorder muxes and stores the file, then the router signs the link.
    private static readonly TimeSpan FilePatience = TimeSpan.FromSeconds(60);

    private const string DirectPair = "() => document.querySelector('.tile:not(.self)[data-path=p2p]') !== null";

    [Fact]
    public async Task A_host_records_the_room_every_page_shows_it_and_both_who_asked_get_a_link_that_plays()
    {
        // Peer-to-peer on (the page's own limit): the recording has to move the pair to the relay.
        var host = await OpenAsync(media: "");
        var (roomId, invite) = await CreateRoomAsync(host, "Vera");
        var guest = await OpenAsync(invite, media: "");
        await JoinByLinkAsync(guest, "Walt", mode: "avatar");
        await guest.WaitForSelectorAsync("body[data-state=live]");
        var pages = new[] { host, guest };
        foreach (var page in pages)
        {
            await page.WaitForSelectorAsync("#members[data-count='2']");
            await WaitForPageAsync(page, DirectPair, DirectPathPatience);
            Assert.Equal("false", await page.GetAttributeAsync("body", "data-recording"));
            Assert.True(await page.IsHiddenAsync("#recording-badge"));
            await Assertions.Expect(page.Locator("#record")).ToHaveTextAsync("Record");
        }

        await host.ClickAsync("#record");

        foreach (var page in pages)
        {
            await page.WaitForSelectorAsync("body[data-recording=true]");
            await Assertions.Expect(page.Locator("#recording-badge")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#recording-badge")).ToHaveTextAsync("Recording");
            await page.WaitForSelectorAsync(".tile:not(.self)[data-path=relay][data-rtc=none]");

            // The recorder is in the room but in nobody's list.
            Assert.Equal(2, await page.Locator("#members li").CountAsync());
            Assert.Equal("2", await page.GetAttributeAsync("#members", "data-count"));
        }

        await Assertions.Expect(host.Locator("#record")).ToHaveTextAsync("Stop recording");
        await Assertions.Expect(guest.Locator("#record")).ToHaveTextAsync("Get the recording");
        await guest.ClickAsync("#record");
        await Assertions.Expect(guest.Locator("#record")).ToHaveTextAsync("Link requested");

        // Give the recorder a few seconds of the host's camera on the relay (the guest's avatar sends poses, not frames).
        var framesNow = await CounterAsync(guest, ".tile:not(.self)", "data-frames");
        await WaitForRemoteCounterAsync(guest, "frames", framesNow + 20);

        await host.ClickAsync("#record");

        foreach (var page in pages)
        {
            await page.WaitForSelectorAsync("body[data-recording=false]");
            Assert.True(await page.IsHiddenAsync("#recording-badge"));
            Assert.Equal(2, await page.Locator("#members li").CountAsync());
        }

        // Both who asked get the link, labelled with its date and length once the router said them.
        foreach (var page in pages)
        {
            await page.WaitForSelectorAsync("#recordings li a", new() { Timeout = (float)FilePatience.TotalMilliseconds });
            await Assertions.Expect(page.Locator("#recordings li a")).ToHaveTextAsync(LinkLabel());
        }

        var href = await host.GetAttributeAsync("#recordings li a", "href");
        Assert.StartsWith(Fixture.Host.BaseUrl + "/recordings/", href);
        var kept = await host.EvaluateAsync<string?>("(room) => localStorage.getItem('avatarStream.recordings.' + room)", roomId);
        Assert.Contains(new Uri(href!).PathAndQuery, kept);

        // Not recorded any more, the pair may talk directly again.
        await WaitForPageAsync(host, DirectPair, DirectPathPatience);

        var watch = await host.Context.NewPageAsync();
        await watch.GotoAsync(href!);
        await watch.EvalOnSelectorAsync("video", "v => { v.muted = true; v.play().catch(() => {}); }");
        await watch.WaitForFunctionAsync(
            "() => { const v = document.querySelector('video'); return v.readyState >= 2 && (v.currentTime > 0 || v.duration > 0); }",
            null,
            new() { Timeout = (float)Patience.TotalMilliseconds });

        // The room ends: the end screen asks the router for this seat's recordings and lists the same link.
        await host.ClickAsync("#end-room");
        await host.ClickAsync("#end-confirm-yes");
        await host.WaitForSelectorAsync("#ended:not([hidden])");
        await host.WaitForSelectorAsync("#check-recordings:not([hidden]):not([disabled])");
        await Assertions.Expect(host.Locator("#recordings li a")).ToHaveTextAsync(LinkLabel());
        Assert.Equal(1, await host.Locator("#recordings li").CountAsync());
    }

    [GeneratedRegex(@"^Recording of .+, \d+:\d\d$")]
    private static partial Regex LinkLabel();
}
