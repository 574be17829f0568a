using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AvatarStream.RoomRouter.Endpoints;

// Reads a small JSON body by hand, so every malformed or oversized body becomes a 400 or 413 problem.
internal static class JsonBody
{
    public const int MaxBytes = 4096;

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    public static Task<(JsonElement Root, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReadAsync(request, optional: false, cancellationToken);

    // Like ReadAsync, but no body at all (or an empty one) reads as {}.
    public static Task<(JsonElement Root, ProblemHttpResult? Problem)> ReadOptionalAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReadAsync(request, optional: true, cancellationToken);

    private static async Task<(JsonElement Root, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, bool optional, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (default, RoomProblems.PayloadTooLarge(MaxBytes));
        }

        // One byte more than allowed tells a body that is too long even without a Content-Length (chunked).
        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        if (length > MaxBytes)
        {
            return (default, RoomProblems.PayloadTooLarge(MaxBytes));
        }

        if (length == 0)
        {
            return optional ? (EmptyObject, null) : (default, RoomProblems.BadRequest("A JSON body is required."));
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.AsMemory(0, length));
            return document.RootElement.ValueKind is JsonValueKind.Object
                ? (document.RootElement.Clone(), null)
                : (default, RoomProblems.BadRequest("The body must be a JSON object."));
        }
        catch (JsonException)
        {
            return (default, RoomProblems.BadRequest("The body is not valid JSON."));
        }
    }
}
