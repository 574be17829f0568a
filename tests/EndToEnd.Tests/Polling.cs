using System.Diagnostics;

namespace AvatarStream.EndToEnd.Tests;

// Waiting for something a running local run will do, bounded: the local run is a set of processes, so the tests can
// only look again until it shows.
internal static class Polling
{
    // True once condition holds, false when limit passed first.
    public static async Task<bool> WaitForAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }
}
