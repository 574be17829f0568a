using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace AvatarStream.RouterBench;

// Where a request's time goes: every in-process ASP.NET Core host (router, sidecars, stream stand-ins) reports
// http.server.request.duration per route on its own meter; this sums them by (host, method, route). The
// meter's scope (the host's IMeterFactory) tells the hosts apart.
internal sealed class HopTimings : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<object, string> _hosts = new();
    private readonly ConcurrentDictionary<(string Host, string Route), Total> _totals = new();

    public HopTimings()
    {
        _listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Microsoft.AspNetCore.Hosting" && instrument.Name == "http.server.request.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.Start();
    }

    // Names the host that owns these services; hosts not named are ignored.
    public void Name(IServiceProvider services, string host) => _hosts[services.GetRequiredService<IMeterFactory>()] = host;

    public void Reset() => _totals.Clear();

    public IReadOnlyList<(string Host, string Route, long Calls, double TotalMs)> Snapshot() =>
        _totals.Select(t => (t.Key.Host, t.Key.Route, t.Value.Calls, t.Value.Seconds * 1000))
            .OrderBy(t => t.Host, StringComparer.Ordinal).ThenByDescending(t => t.Item4)
            .ToList();

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Meter.Scope is not { } scope || !_hosts.TryGetValue(scope, out var host))
        {
            return;
        }

        string? route = null, method = null;
        foreach (var tag in tags)
        {
            if (tag.Key == "http.route")
            {
                route = tag.Value as string;
            }
            else if (tag.Key == "http.request.method")
            {
                method = tag.Value as string;
            }
        }

        _totals.GetOrAdd((host, $"{method} {route ?? "(no route)"}"), _ => new Total()).Add(seconds);
    }

    private sealed class Total
    {
        private long _calls;
        private long _microseconds;

        public long Calls => Interlocked.Read(ref _calls);

        public double Seconds => Interlocked.Read(ref _microseconds) / 1e6;

        public void Add(double seconds)
        {
            Interlocked.Increment(ref _calls);
            Interlocked.Add(ref _microseconds, (long)(seconds * 1e6));
        }
    }
}
