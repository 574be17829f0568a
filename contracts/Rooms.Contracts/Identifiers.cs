using System.Text.RegularExpressions;

namespace AvatarStream.Contracts;

/// <summary>What the ids exchanged between the services look like. One place, so the router and the instances agree.</summary>
public static partial class Identifiers
{
    /// <summary>A room id: 1 to 5 ASCII digits (the canonical form keeps leading zeros, "00157").</summary>
    public static bool IsRoomId(string? text) =>
        text is { Length: >= 1 and <= 5 } && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0;

    /// <summary>A client id: a UUID in its 36-character hyphenated form, either case.</summary>
    public static bool IsClientId(string? text) => Guid.TryParseExact(text, "D", out _);

    /// <summary>A Dapr app-id as the services use them: letters, digits and inner hyphens, at most 64 characters.</summary>
    public static bool IsAppId(string? text) => text is not null && AppId().IsMatch(text);

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?$")]
    private static partial Regex AppId();
}
