namespace AvatarStream.DevSidecar.App;

public static class RequestBody
{
    // The whole body (Kestrel caps its size); actor calls and their bodies are not streamed, as in daprd.
    public static async Task<byte[]> ReadAllAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
