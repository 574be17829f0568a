using System.Buffers;

namespace AvatarStream.StreamService.Endpoints;

/// <summary>What a room id or client id may look like: short, and safe to put in a log line or a URL.</summary>
internal static class ClientIds
{
    public const int MaxLength = 64;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_");

    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && !id.AsSpan().ContainsAnyExcept(Allowed);
}
