using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace AvatarStream.RouterBench;

/// <summary>
/// Which types the allocations are (<c>--alloc</c>): the runtime reports a sample (GCAllocationTick) about every
/// 100 KB allocated, with the type that crossed the mark, so the counts are proportional to bytes by type.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    const int GcKeyword = 0x1;
    const int AllocationTickEventId = 10;

    readonly ConcurrentDictionary<string, long> bytesByType = new(StringComparer.Ordinal);

    public void Reset() => bytesByType.Clear();

    public IReadOnlyList<(string Type, double Share)> Top(int count)
    {
        var total = Math.Max(1, bytesByType.Values.Sum());
        return bytesByType.OrderByDescending(t => t.Value).Take(count).Select(t => (t.Key, (double)t.Value / total)).ToList();
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId != AllocationTickEventId || eventData.Payload is not { } payload || eventData.PayloadNames is not { } names)
        {
            return;
        }

        var type = payload[names.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(payload[names.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        bytesByType.AddOrUpdate(type, amount, (_, total) => total + amount);
    }
}
