using System.Text.Json;
using AvatarStream.DevSidecar.App;

namespace AvatarStream.DevSidecar.Bindings;

// POST /v1.0/bindings/{name} with {"data": any JSON, "metadata": {string: string}, "operation": string}, as daprd:
// a body that is not such JSON is 400 ERR_MALFORMED_REQUEST; a failed invocation 500 ERR_INVOKE_OUTPUT_BINDING; an
// answer without data 204; otherwise 200 with the answer's bytes (Content-Type application/json, whatever they are) and
// its metadata as metadata.{key} headers.
public static class OutputBindingEndpoints
{
    public static IEndpointRouteBuilder MapOutputBindingRoutes(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1.0/bindings/{name}", InvokeAsync);
        return app;
    }

    private static async Task InvokeAsync(HttpContext context, string name, OutputBindingRegistry bindings)
    {
        var cancellationToken = context.RequestAborted;
        var body = await RequestBody.ReadAllAsync(context.Request, cancellationToken);
        if (!TryParse(body, out var request, out var error))
        {
            await DaprErrorResponse.WriteAsync(context.Response, StatusCodes.Status400BadRequest, "ERR_MALFORMED_REQUEST",
                $"failed deserializing HTTP body: {error}", cancellationToken);
            return;
        }

        OutputBindingResponse response;
        try
        {
            response = await bindings.InvokeAsync(name, request, cancellationToken);
        }
        catch (BindingException e)
        {
            await DaprErrorResponse.WriteAsync(context.Response, StatusCodes.Status500InternalServerError, "ERR_INVOKE_OUTPUT_BINDING",
                e.Message, cancellationToken);
            return;
        }

        foreach (var (key, value) in response.Metadata)
        {
            context.Response.Headers.Append("metadata." + key, value);
        }

        if (response.Data is null)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(response.Data, cancellationToken);
    }

    // data keeps its JSON text (a string arrives quoted, as daprd passes it on); absent data reads as null.
    private static bool TryParse(byte[] body, out OutputBindingRequest request, out string error)
    {
        request = null!;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "the body is not a JSON object";
                return false;
            }

            var data = root.TryGetProperty("data", out var dataElement) ? dataElement.GetRawText() : "null";
            var operation = "";
            if (root.TryGetProperty("operation", out var operationElement) && operationElement.ValueKind != JsonValueKind.Null)
            {
                if (operationElement.ValueKind != JsonValueKind.String)
                {
                    error = "operation is not a string";
                    return false;
                }

                operation = operationElement.GetString()!;
            }

            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("metadata", out var metadataElement) && metadataElement.ValueKind != JsonValueKind.Null)
            {
                if (metadataElement.ValueKind != JsonValueKind.Object)
                {
                    error = "metadata is not an object";
                    return false;
                }

                foreach (var item in metadataElement.EnumerateObject())
                {
                    if (item.Value.ValueKind != JsonValueKind.String)
                    {
                        error = $"metadata value of {item.Name} is not a string";
                        return false;
                    }

                    metadata[item.Name] = item.Value.GetString()!;
                }
            }

            request = new OutputBindingRequest(operation, BindingData.Utf8(data), metadata, BindingTransport.Http);
            error = "";
            return true;
        }
        catch (JsonException e)
        {
            error = e.Message;
            return false;
        }
    }
}
