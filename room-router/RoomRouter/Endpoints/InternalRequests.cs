using System.Text.Json;
using System.Text.RegularExpressions;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Core.Rooms;
using AvatarStream.RoomRouter.Rooms;

namespace AvatarStream.RoomRouter.Endpoints;

/// <summary>Reads and checks the bodies of internal calls.</summary>
internal static partial class InternalRequests
{
    /// <summary>Null when <paramref name="body"/> reads as a <typeparamref name="T"/> that passes <paramref name="check"/>; else why not.</summary>
    public static string? Read<T>(JsonElement body, Func<T, string?> check, out T value)
        where T : class
    {
        value = null!;
        try
        {
            if (body.Deserialize<T>(ContractJson.Options) is not { } read)
            {
                return $"The body does not match {typeof(T).Name}.";
            }

            value = read;
            return check(read);
        }
        catch (JsonException exception)
        {
            return $"The body does not match {typeof(T).Name}: {exception.Message}";
        }
    }

    /// <summary>Null when <paramref name="instanceId"/> is a valid Dapr app-id; else why not.</summary>
    public static string? CheckInstanceId(string? instanceId) =>
        instanceId is not null && AppId().IsMatch(instanceId)
            ? null
            : "instance_id must be a Dapr app-id: letters, digits and inner hyphens, at most 64 characters.";

    /// <summary>Null when <paramref name="streamUrl"/> is an absolute ws, wss, http or https URL; else why not.</summary>
    public static string? CheckStreamUrl(string? streamUrl) =>
        Uri.TryCreate(streamUrl, UriKind.Absolute, out var uri) && uri.Scheme is "ws" or "wss" or "http" or "https" && streamUrl.Length <= 2048
            ? null
            : "stream_url must be an absolute ws:// or wss:// URL.";

    /// <summary>Null when <paramref name="roomId"/> is 1 to 5 digits; else why not.</summary>
    public static string? CheckRoomId(string? roomId) =>
        RoomId.TryParse(roomId, out _) ? null : "room_id must be 1 to 5 digits.";

    /// <summary>Null when <paramref name="clientId"/> is a UUID; else why not.</summary>
    public static string? CheckClientId(string? clientId) =>
        ClientIds.TryNormalize(clientId, out _) ? null : "client_id must be a UUID.";

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?$")]
    private static partial Regex AppId();
}
