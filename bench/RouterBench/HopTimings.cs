using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace AvatarStream.RouterBench;

/// <summary>
/// Where a request's time goes: every in-process ASP.NET Core host (router, sidecars, stream stand-ins) reports
/// <c>http.server.request.duration</c> per route on its own meter; this sums them by (host, method, route). The
/// meter's scope (the host's <see cref="IMeterFactory"/>) tells the hosts apart.
/// </summary>
internal sealed class HopTimings : IDisposable
{
    readonly MeterListener listener = new();
    readonly ConcurrentDictionary<object, string> hosts = new();
    readonly ConcurrentDictionary<(string Host, string Route), Total> totals = new();

    public HopTimings()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Microsoft.AspNetCore.Hosting" && instrument.Name == "http.server.request.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>(OnMeasurement);
        listener.Start();
    }

    /// <summary>Names the host whose services are <paramref name="services"/>; hosts not named are ignored.</summary>
    public void Name(IServiceProvider services, string host) => hosts[services.GetRequiredService<IMeterFactory>()] = host;

    public void Reset() => totals.Clear();

    public IReadOnlyList<(string Host, string Route, long Calls, double TotalMs)> Snapshot() =>
        totals.Select(t => (t.Key.Host, t.Key.Route, t.Value.Calls, t.Value.Seconds * 1000))
            .OrderBy(t => t.Host, StringComparer.Ordinal).ThenByDescending(t => t.Item4)
            .ToList();

    public void Dispose() => listener.Dispose();

    void OnMeasurement(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Meter.Scope is not { } scope || !hosts.TryGetValue(scope, out var host))
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

        totals.GetOrAdd((host, $"{method} {route ?? "(no route)"}"), _ => new Total()).Add(seconds);
    }

    sealed class Total
    {
        long calls;
        long microseconds;

        public long Calls => Interlocked.Read(ref calls);

        public double Seconds => Interlocked.Read(ref microseconds) / 1e6;

        public void Add(double seconds)
        {
            Interlocked.Increment(ref calls);
            Interlocked.Add(ref microseconds, (long)(seconds * 1e6));
        }
    }
}
