using System.Net;
using System.Net.Http.Json;
using AvatarStream.Contracts;
using Microsoft.Net.Http.Headers;

namespace AvatarStream.ServiceDefaults.InternalAuth;

/// <summary>Internal calls over a Dapr invocation client: snake_case JSON and the internal token on every request.</summary>
public static class InternalHttpClientExtensions
{
    /// <summary>
    /// Sends with the current token. A 401 is answered by one fresh read of the token and, if it changed, one resend:
    /// a refused call did not run, and the callee may have seen a rotation step first.
    /// </summary>
    public static async Task<HttpResponseMessage> SendInternalAsync(
        this HttpClient client,
        HttpMethod method,
        string path,
        object? body,
        IInternalTokenSource tokens,
        CancellationToken cancellationToken)
    {
        var token = (await tokens.GetAsync(refresh: false, cancellationToken)).Current;
        var response = await SendAsync(client, method, path, body, token, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        var fresh = (await tokens.GetAsync(refresh: true, cancellationToken)).Current;
        if (string.Equals(fresh, token, StringComparison.Ordinal))
        {
            return response;
        }

        response.Dispose();
        return await SendAsync(client, method, path, body, fresh, cancellationToken);
    }

    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpMethod method, string path, object? body, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation(HeaderNames.Authorization, InternalToken.HeaderValue(token));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: ContractJson.Options);
        }

        return await client.SendAsync(request, cancellationToken);
    }
}
