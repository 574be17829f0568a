namespace AvatarStream.RecorderBench;

// CPU time of this process's finished, reaped children (the ffmpeg runs): cutime + cstime in /proc/self/stat.
internal static class ChildCpu
{
    private const double ClockTicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan Used()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        // Fields after the command name, which is in parentheses and may hold spaces; cutime and cstime are 16 and 17.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[13], System.Globalization.CultureInfo.InvariantCulture)
            + long.Parse(fields[14], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / ClockTicksPerSecond);
    }
}
