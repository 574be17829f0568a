using System.Diagnostics;
using System.Text.RegularExpressions;
using AvatarStream.DevHost;
using AvatarStream.Tests.Shared;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AvatarStream.Web.Tests;

// Two pages in a room on the relay keep seeing each other when the room's stream instance is killed with kill -9: the
// pages reconnect on their own, the room moves to the other instance with the same id, and frames flow again.
[Collection(BrowserCollection.Name)]
public sealed partial class RoomMoveTests(BrowserFixture fixture, ITestOutputHelper output) : PageTestBase(fixture)
{
    // Only a bound against hanging; the time is printed.
    private static readonly TimeSpan BackLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TwoPages_AfterTheirInstanceIsKilled_AreBackInTheSameRoom_SeeingEachOther()
    {
        await using var run = await DevHostProcess.StartAsync(
            new Dictionary<string, string> { ["Rooms__MaxClientsPerRoom"] = "4" }, "--processes", "--sweep", "@every 2s");
        var host = await OpenAsync(baseUrl: run.BaseUrl);
        await RecordSocketsAsync(host);
        var (roomId, invite) = await CreateRoomAsync(host, "Hana");
        var guest = await OpenAsync(invite, baseUrl: run.BaseUrl);
        await RecordSocketsAsync(guest);
        await JoinByLinkAsync(guest, "Gus");
        await guest.WaitForSelectorAsync("body[data-state=live]");
        await WaitForRemoteCounterAsync(guest, "frames", 2);
        await WaitForRemoteCounterAsync(host, "frames", 2);

        var before = await StreamUrlAsync(host);
        var topology = LocalTopology.Create(2, new Uri(run.BaseUrl).Port);
        var instance = topology.Apps.Single(a => a.StreamUrl == before).AppId;
        foreach (var page in new[] { host, guest })
        {
            await WatchForReconnectAsync(page);
        }

        var clock = Stopwatch.StartNew();
        Kill(PidOf(run, instance));
        output.WriteLine($"kill -9 {instance}");

        foreach (var page in new[] { host, guest })
        {
            // Away and back, then the other member's frames growing on the new instance.
            await page.WaitForFunctionAsync("() => window.movedBack === true", null, new() { Timeout = (float)BackLimit.TotalMilliseconds });
            var counted = await RemoteFramesAsync(page);
            await page.WaitForFunctionAsync(
                "(counted) => [...document.querySelectorAll('.tile:not(.self)')].some(t => Number(t.dataset.frames) >= counted + 3)",
                counted,
                new() { Timeout = (float)BackLimit.TotalMilliseconds });
        }

        output.WriteLine($"kill-to-streaming in the browser: {clock.ElapsedMilliseconds} ms");
        Assert.Equal(roomId, await host.GetAttributeAsync("#room-id", "data-room"));
        Assert.Equal(roomId, await guest.GetAttributeAsync("#room-id", "data-room"));
        var after = await StreamUrlAsync(host);
        Assert.NotEqual(before, after);
        Assert.Equal(after, await StreamUrlAsync(guest));
        Assert.Equal("live", await host.GetAttributeAsync("body", "data-state"));
        Assert.True(await host.Locator("#error").IsHiddenAsync() && await guest.Locator("#error").IsHiddenAsync(), "a page shows an error");
    }

    // Sets window.movedBack once the page has left the live state and come back to it.
    private static Task WatchForReconnectAsync(IPage page) => page.EvaluateAsync("""
        () => {
          window.movedBack = false;
          let away = false;
          new MutationObserver(() => {
            const state = document.body.dataset.state;
            if (state !== 'live') away = true;
            else if (away) window.movedBack = true;
          }).observe(document.body, { attributes: true, attributeFilter: ['data-state'] });
        }
        """);

    private static async Task<int> RemoteFramesAsync(IPage page) =>
        await page.EvaluateAsync<int>("() => Math.max(0, ...[...document.querySelectorAll('.tile:not(.self)')].map(t => Number(t.dataset.frames) || 0))");

    // Notes the URL of every WebSocket the page opens, query left out, in window.socketUrls.
    private static Task RecordSocketsAsync(IPage page) => page.EvaluateAsync("""
        () => {
          window.socketUrls = [];
          const Original = window.WebSocket;
          window.WebSocket = class extends Original {
            constructor(url, protocols) {
              super(url, protocols);
              window.socketUrls.push(String(url).split('?')[0]);
            }
          };
        }
        """);

    // The stream URL of the page's last socket.
    private static Task<string> StreamUrlAsync(IPage page) => page.EvaluateAsync<string>("() => window.socketUrls.at(-1)");

    private static int PidOf(DevHostProcess run, string appId) =>
        run.Lines().Select(line => PidLine().Match(line)).Where(m => m.Success && m.Groups[1].Value == appId)
            .Select(m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault() is var pid and > 0 ? pid : throw new InvalidOperationException($"the devhost printed no pid for {appId}");

    private static void Kill(int pid)
    {
        using var process = Process.GetProcessById(pid);
        process.Kill();
    }

    [GeneratedRegex(@"^\s+(\S+)\s+pid (\d+)\s*$")]
    private static partial Regex PidLine();
}
