using Microsoft.Playwright;

namespace AvatarStream.Web.Tests;

// Sound and video between pages: peer-to-peer while the room is small, the relay beyond it, and Opus on the relay.
// Fake camera and microphone (BrowserFixture); counters come from the page's data-* attributes, fed by getStats for
// direct links and by the relay decoders otherwise.
[Collection(BrowserCollection.Name)]
public sealed class MediaPathTests(BrowserFixture fixture) : PageTestBase(fixture)
{
    private static readonly TimeSpan MediaPatience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Two_people_talk_peer_to_peer_with_video_and_sound_both_ways()
    {
        var alice = await OpenAsync(media: "");
        var (_, invite) = await CreateRoomAsync(alice, "Alice");
        var bob = await OpenAsync(invite, media: "");
        await JoinByLinkAsync(bob, "Bob");

        foreach (var page in new[] { alice, bob })
        {
            await WaitAsync(page, "() => document.querySelector('.tile:not(.self)[data-path=p2p][data-rtc=connected]') !== null");
            // Inbound video frames decoded and audio samples received on the direct link, both growing with the fake devices.
            await WaitAsync(page, "() => Number(document.querySelector('.tile:not(.self)')?.dataset.p2pFrames) >= 10");
            await WaitAsync(page, "() => Number(document.querySelector('.tile:not(.self)')?.dataset.p2pAudio) >= 48000");
            await Assertions.Expect(page.Locator("#q-path")).ToHaveTextAsync("p2p");
            await Assertions.Expect(page.Locator(".tile:not(.self) .tile-info")).ToContainTextAsync("P2P");
        }
    }

    [Fact]
    public async Task A_member_beyond_the_peer_to_peer_limit_moves_every_pair_to_the_relay_and_every_tile_keeps_receiving_video()
    {
        // The test devhost seats four; a limit of two shows the same switch with three pages, which two cores can carry.
        const string media = "p2pmax=2";
        var alice = await OpenAsync(media: media);
        await SmallCaptureAsync(alice);
        var (_, invite) = await CreateRoomAsync(alice, "Alice");
        var bob = await OpenAsync(invite, media: media);
        await SmallCaptureAsync(bob);
        await JoinByLinkAsync(bob, "Bob");
        await WaitAsync(alice, "() => document.querySelector('.tile:not(.self)[data-path=p2p][data-rtc=connected]') !== null");

        var carol = await OpenAsync(invite, media: media);
        await SmallCaptureAsync(carol);
        await JoinByLinkAsync(carol, "Carol");

        var pages = new[] { alice, bob, carol };
        foreach (var page in pages)
        {
            await WaitAsync(page, """
                () => { const tiles = [...document.querySelectorAll('.tile:not(.self)')];
                        return tiles.length === 2 && tiles.every(t => t.dataset.path === 'relay' && t.dataset.rtc === 'none'); }
                """);
        }

        foreach (var page in pages)
        {
            var before = await page.EvaluateAsync<Dictionary<string, int>>(
                "() => Object.fromEntries([...document.querySelectorAll('.tile:not(.self)')].map(t => [t.dataset.member, Number(t.dataset.frames)]))");
            await WaitAsync(page, """
                (before) => [...document.querySelectorAll('.tile:not(.self)')]
                  .every(t => Number(t.dataset.frames) >= (before[t.dataset.member] ?? 0) + 3 && Number(t.dataset.drawn) > 0)
                """, before);
            await Assertions.Expect(page.Locator("#q-path")).ToHaveTextAsync("relay");
        }
    }

    [Fact]
    public async Task Sound_goes_through_the_relay_as_opus_and_the_mute_button_tells_the_others()
    {
        // p2p=0 (the default of OpenAsync): every pair on the relay.
        var erin = await OpenAsync();
        var (_, invite) = await CreateRoomAsync(erin, "Erin", mode: "avatar");
        var frank = await OpenAsync(invite);
        await JoinByLinkAsync(frank, "Frank", mode: "avatar");

        foreach (var page in new[] { erin, frank })
        {
            await page.WaitForSelectorAsync("body[data-mic=on]");
            // 25 decoded 20 ms frames: half a second of the other page's microphone.
            await WaitAsync(page, "() => Number(document.querySelector('.tile:not(.self)')?.dataset.audioFrames) >= 25");
            Assert.Equal("relay", await page.GetAttributeAsync(".tile:not(.self)", "data-path"));
            // The fake microphone beeps: the decoded sound lights the other member's speaking indicator.
            await page.WaitForSelectorAsync(".tile:not(.self)[data-speaking=true]");
        }

        await erin.ClickAsync("#toggle-mic");
        await erin.WaitForSelectorAsync("body[data-mic=muted]");
        await frank.WaitForSelectorAsync(".tile:not(.self)[data-muted=true]");
    }

    private static Task WaitAsync(IPage page, string expression, object? arg = null) => WaitForPageAsync(page, expression, MediaPatience, arg);

    // A small, slow capture: several pages share two cores in these tests.
    private static Task SmallCaptureAsync(IPage page) =>
        page.EvaluateAsync("() => { document.querySelector('#size').value = '160x120'; document.querySelector('#fps').value = '5'; }");
}
