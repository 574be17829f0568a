namespace AvatarStream.ServiceDefaults.InternalAuth;

/// <summary>
/// The internal tokens at one moment: <see cref="Current"/> is sent and accepted, <see cref="Next"/> (only during a
/// rotation) is accepted too. A class, not a record: a record's generated ToString would print the tokens into logs.
/// </summary>
public sealed class InternalTokens
{
    public InternalTokens(string current, string? next = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(current);
        Current = current;
        Next = string.IsNullOrEmpty(next) ? null : next;
    }

    /// <summary>The token calls are sent with.</summary>
    public string Current { get; }

    /// <summary>A second accepted token, or null outside a rotation.</summary>
    public string? Next { get; }

    /// <summary>
    /// True when <paramref name="authorization"/> carries either token. Both comparisons always run, each in constant
    /// time, so the time taken does not tell which one matched.
    /// </summary>
    public bool Accepts(string? authorization)
    {
        var current = InternalToken.Matches(authorization, Current);
        var next = Next is not null && InternalToken.Matches(authorization, Next);
        return current | next;
    }
}
