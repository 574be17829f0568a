using System.Net.Http.Json;
using AvatarStream.Contracts;
using Microsoft.Net.Http.Headers;

namespace AvatarStream.ServiceDefaults.InternalAuth;

/// <summary>Internal calls over a Dapr invocation client: snake_case JSON and the internal token on every request.</summary>
public static class InternalHttpClientExtensions
{
    public static async Task<HttpResponseMessage> SendInternalAsync(
        this HttpClient client,
        HttpMethod method,
        string path,
        object? body,
        IInternalTokenSource tokens,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation(HeaderNames.Authorization, InternalToken.HeaderValue(await tokens.GetAsync(cancellationToken)));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: ContractJson.Options);
        }

        return await client.SendAsync(request, cancellationToken);
    }
}
