namespace AvatarStream.DevSidecar.Bindings;

// One output binding component (dapr-contract §6). Every failure, a refused request included, is a BindingException,
// which both transports answer as daprd does (HTTP 500 ERR_INVOKE_OUTPUT_BINDING, gRPC Internal).
public interface IOutputBinding
{
    public string Name { get; }

    public string Type { get; }

    // The operations the binding serves, as its Operations() in components-contrib.
    public IReadOnlyList<string> Operations { get; }

    public Task<OutputBindingResponse> InvokeAsync(OutputBindingRequest request, CancellationToken cancellationToken);
}

// Where the request came from decides how Data reads: over gRPC it is the caller's bytes; over HTTP it is the JSON
// text of the body's data value (a string arrives as its quoted literal), as daprd hands it to the binding.
public enum BindingTransport
{
    Grpc,
    Http,
}

public sealed record OutputBindingRequest(
    string Operation,
    byte[] Data,
    IReadOnlyDictionary<string, string> Metadata,
    BindingTransport Transport)
{
    public string? MetadataValue(string key) => Metadata.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}

// Data null: the binding answered nothing (HTTP 204, empty gRPC data).
public sealed record OutputBindingResponse(byte[]? Data, IReadOnlyDictionary<string, string> Metadata)
{
    public static readonly OutputBindingResponse Empty = new(null, new Dictionary<string, string>());

    public static OutputBindingResponse Of(byte[] data) => new(data, new Dictionary<string, string>());
}

public sealed class BindingException(string message, Exception? inner = null) : Exception(message, inner);

// Stands in for a binding type the development sidecar does not implement; every call fails.
internal sealed class UnsupportedOutputBinding(string name, string type) : IOutputBinding
{
    public string Name => name;

    public string Type => type;

    public IReadOnlyList<string> Operations => [];

    public Task<OutputBindingResponse> InvokeAsync(OutputBindingRequest request, CancellationToken cancellationToken) =>
        throw new BindingException(
            $"binding {name} has type {type}, which the development sidecar does not implement; use bindings.localstorage or bindings.smtp");
}
