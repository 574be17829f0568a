using System.Globalization;
using System.Runtime.InteropServices;

namespace AvatarStream.RouterBench;

// What the numbers were measured on: they mean little without it, on a machine shared with other work.
internal static class Machine
{
    public static string Describe()
    {
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : null;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        var gib = memory is null ? "n/a" : (long.Parse(memory, CultureInfo.InvariantCulture) / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " GiB";
        return $"nproc {Environment.ProcessorCount}, memory {gib}, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, "
            + $"server GC {System.Runtime.GCSettings.IsServerGC}, load average at start {load}";
    }
}
