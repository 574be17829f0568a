using System.Text.RegularExpressions;
using AvatarStream.DevSidecar.Hosting;
using AvatarStream.DevSidecar.Tests.Infrastructure;
using AvatarStream.SidecarTestApp;

namespace AvatarStream.DevSidecar.Tests;

// The cron input binding (dapr-contract §6) against a real app route.
public sealed partial class BindingTests : IDisposable
{
    private readonly TempFolder _components = new();

    public void Dispose() => _components.Dispose();

    [Fact]
    public async Task CronBinding_FiresOnItsSchedule_WithDaprsMetadataHeaders()
    {
        await File.WriteAllTextAsync(_components.File("cron.yaml"), """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: cron-test
            spec:
              type: bindings.cron
              version: v1
              metadata:
                - name: schedule
                  value: "@every 1h"
                - name: direction
                  value: input
            scopes:
              - cron-app
            """);
        await using var cluster = SidecarCluster.InMemory();

        // The override stands in for a local run that makes an hourly sweep fire every second.
        await using var host = await AppWithSidecar.StartAsync(cluster, "cron-app", sidecar: o => o with
        {
            ResourcesPath = _components.Path,
            MetadataOverrides = new Dictionary<(string, string), string> { [("cron-test", "schedule")] = "@every 1s" },
        });

        var fires = await Eventually.GetAsync(() => host.Probe.Events.Where(e => e.StartsWith("cron:", StringComparison.Ordinal)).ToArray(),
            e => e.Length >= 2, TimeSpan.FromSeconds(6), "two cron fires");

        Assert.All(fires, fire => Assert.Matches(FirePattern(), fire));
    }

    [GeneratedRegex(@"^cron:Local:\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,9})? \+0000 UTC$")]
    private static partial Regex FirePattern();
}
