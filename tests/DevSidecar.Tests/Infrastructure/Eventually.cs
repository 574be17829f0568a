namespace AvatarStream.DevSidecar.Tests.Infrastructure;

// Bounded polling for things that happen in the background (fires, deactivations, registrations).
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not happen within {timeout.TotalSeconds:0.#} s (last: {value})");
            }

            await Task.Delay(50);
        }
    }

    public static Task<T> GetAsync<T>(Func<T> probe, Func<T, bool> done, TimeSpan timeout, string what) =>
        GetAsync(() => Task.FromResult(probe()), done, timeout, what);
}
