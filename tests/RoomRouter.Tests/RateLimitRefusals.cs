using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace AvatarStream.RoomRouter.Tests;

// The limit tag of every avatarstream.router.rate_limited measurement of one app (tests run side by side).
internal sealed class RateLimitRefusals : IDisposable
{
    private readonly ConcurrentQueue<string?> _limits = new();
    private readonly MeterListener _listener;

    public RateLimitRefusals(IServiceProvider services)
    {
        var meters = services.GetRequiredService<IMeterFactory>();
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Name == "avatarstream.router.rate_limited")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "limit")
                {
                    _limits.Enqueue(tag.Value as string);
                }
            }
        });
        _listener.Start();
    }

    public IReadOnlyList<string?> Limits => [.. _limits];

    public void Dispose() => _listener.Dispose();
}
