using System.Text.Json;

namespace AvatarStream.DevSidecar.App;

// daprd's HTTP error body, {"errorCode":"ERR_...","message":"..."}, which the SDK turns into DaprApiException.
public static class DaprErrorResponse
{
    public static async Task WriteAsync(HttpResponse response, int status, string errorCode, string message, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(response.Body);
        json.WriteStartObject();
        json.WriteString("errorCode", errorCode);
        json.WriteString("message", message);
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }
}
