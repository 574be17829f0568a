namespace AvatarStream.Client.Tests;

// A bound on every wait in these tests: generous, so that a slow machine never trips it; it only keeps a broken test
// from hanging. Nothing waits for time to pass.
internal static class Patience
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Timeout);

    public static Task Within(this Task task) => task.WaitAsync(Timeout);

    public static Task<T> Within<T>(this ValueTask<T> task) => task.AsTask().WaitAsync(Timeout);
}
