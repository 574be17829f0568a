using System.Text.Json;
using AvatarStream.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AvatarStream.RoomRouter.Endpoints;

// Reads and checks the bodies of internal calls.
internal static class InternalRequests
{
    // The body of an internal call as a T that passes check; else the 400 or 413 problem to answer instead.
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(
        HttpRequest request, Func<T, string?> check, CancellationToken cancellationToken)
        where T : class
    {
        var (body, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }

        return Read(body, check, out var value) is { } error ? (null, RoomProblems.BadRequest(error)) : (value, null);
    }

    // Null when body reads as a T that passes check; else why not.
    private static string? Read<T>(JsonElement body, Func<T, string?> check, out T value)
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

    // Null when instanceId is a valid Dapr app-id; else why not.
    public static string? CheckInstanceId(string? instanceId) =>
        Identifiers.IsAppId(instanceId)
            ? null
            : "instance_id must be a Dapr app-id: letters, digits and inner hyphens, at most 64 characters.";

    // Null when streamUrl is an absolute ws, wss, http or https URL; else why not.
    public static string? CheckStreamUrl(string? streamUrl) =>
        Uri.TryCreate(streamUrl, UriKind.Absolute, out var uri) && uri.Scheme is "ws" or "wss" or "http" or "https" && streamUrl.Length <= 2048
            ? null
            : "stream_url must be an absolute ws:// or wss:// URL.";

    // Null when boot is absent or 1 to 64 letters, digits, hyphens or underscores; else why not.
    public static string? CheckBoot(string? boot) =>
        boot is null || (boot.Length is > 0 and <= 64 && boot.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            ? null
            : "boot must be 1 to 64 letters, digits, hyphens or underscores.";

    // Null when roomId is 1 to 5 digits; else why not.
    public static string? CheckRoomId(string? roomId) =>
        Identifiers.IsRoomId(roomId) ? null : "room_id must be 1 to 5 digits.";

    // Null when clientId is a UUID; else why not.
    public static string? CheckClientId(string? clientId) =>
        Identifiers.IsClientId(clientId) ? null : "client_id must be a UUID.";
}
