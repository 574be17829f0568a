using System.Buffers;

namespace AvatarStream.StreamService.Endpoints;

/// <summary>What a room id or a client id may look like: short, and safe in a URL or a header.</summary>
internal static class Identifiers
{
    public const int MaxLength = 64;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_");

    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && !id.AsSpan().ContainsAnyExcept(Allowed);
}
