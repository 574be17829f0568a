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

        return Parse(buffer.AsMemory(0, length));
    }

    // A body read whole: a JSON object whose property names are valid Unicode, or the 400 that says why not. A name
    // such as "\ud800" parses, but every later lookup of a property throws on it.
    public static (JsonElement Root, ProblemHttpResult? Problem) Parse(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8);
            if (document.RootElement.ValueKind is not JsonValueKind.Object)
            {
                return (default, RoomProblems.BadRequest("The body must be a JSON object."));
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                _ = property.Name;
            }

            return (document.RootElement.Clone(), null);
        }
        catch (JsonException)
        {
            return (default, RoomProblems.BadRequest("The body is not valid JSON."));
        }
        catch (InvalidOperationException)
        {
            return (default, RoomProblems.BadRequest("A property name of the body is no valid Unicode."));
        }
    }
}
