using CsCheck;
using Xunit.Sdk;

namespace AvatarStream.Testing.Fuzzing;

// CsCheck's Sample seeds only its first iteration and draws the others at random, so two runs would try different
// cases. These draw every case in turn from one fixed seed: each run tries the same cases, and a failure names the
// seed of its own case, which gen.Sample(check, seed: "...") replays alone, with CsCheck's shrinking.
public static class FuzzCases
{
    public const string Seed = "0N0XIzNsQ0O2";

    public static async Task CheckAsync<T>(Gen<T> gen, int count, Func<T, Task> check, Func<T, string>? print = null)
    {
        var pcg = PCG.Parse(Seed);
        for (var i = 0; i < count; i++)
        {
            var state = pcg.State;
            var value = gen.Generate(pcg, null, out _);
            try
            {
                await check(value);
            }
            catch (Exception exception)
            {
                var shown = print is null ? value?.ToString() : print(value);
                throw new XunitException($"Case {i + 1} of {count} failed; replay it with seed: \"{pcg.ToString(state)}\"\n{shown}", exception);
            }
        }
    }

    public static void Check<T>(Gen<T> gen, int count, Action<T> check, Func<T, string>? print = null) =>
        CheckAsync(gen, count, value => { check(value); return Task.CompletedTask; }, print).GetAwaiter().GetResult();
}
