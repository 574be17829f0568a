using System.Text.Json;

namespace AvatarStream.DevSidecar.Bindings;

// bindings.localstorage (dapr-contract §6): files under rootPath (relative: against the working directory, as daprd
// and the state store's SQLite path do), created at start. Operations create (metadata fileName, else a random UUID;
// answers {"fileName": relative path}), get (the file's bytes), delete (no answer), list (JSON array of the absolute
// paths of every file under rootPath, or under the subfolder named by fileName).
//
// Data: over gRPC the request bytes are written as they are. Over HTTP the body's data value is written as its JSON
// text, except a JSON string, which is written as its text, or as the bytes it decodes to when that text is valid
// base64 (the binding's documented base64 detection).
//
// File names are stricter than Dapr's, which clamps escaping names back under rootPath: a name is one or more '/'-
// separated segments, none empty, '.', '..', containing '\' or a control character, or starting with the temporary
// file prefix; absolute names are refused, and so is any name that runs through a symbolic link.
public sealed class LocalStorageBinding : IOutputBinding
{
    public const string ComponentType = "bindings.localstorage";

    private static readonly string[] DisallowedRoots = ["/proc", "/sys", "/boot", "/var/run/secrets"];

    private readonly ILogger _logger;

    public LocalStorageBinding(string name, string rootPath, ILogger logger)
    {
        Name = name;
        _logger = logger;
        RootPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootPath));
        if (DisallowedRoots.Any(d => RootPath == d || RootPath.StartsWith(d + "/", StringComparison.Ordinal)))
        {
            throw new InvalidDataException($"binding '{name}' ({ComponentType}): rootPath {RootPath} points to a disallowed location");
        }

        try
        {
            Directory.CreateDirectory(RootPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"binding '{name}' ({ComponentType}): cannot create rootPath {RootPath}: {e.Message}", e);
        }
    }

    public string Name { get; }

    public string Type => ComponentType;

    public string RootPath { get; }

    public IReadOnlyList<string> Operations { get; } = ["create", "get", "delete", "list"];

    public async Task<OutputBindingResponse> InvokeAsync(OutputBindingRequest request, CancellationToken cancellationToken)
    {
        var fileName = request.MetadataValue("fileName");
        try
        {
            return request.Operation switch
            {
                "create" => await CreateAsync(fileName ?? Guid.NewGuid().ToString(), request, cancellationToken),
                "get" => await GetAsync(Required(fileName, "get"), cancellationToken),
                "delete" => Delete(Required(fileName, "delete")),
                "list" => List(fileName),
                _ => throw new BindingException($"unsupported operation {request.Operation}"),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BindingException($"{request.Operation} of file {fileName} failed: {e.Message}", e);
        }
    }

    private async Task<OutputBindingResponse> CreateAsync(string fileName, OutputBindingRequest request, CancellationToken cancellationToken)
    {
        var path = Resolve(fileName);
        BindingLog.Invoked(_logger, Name, "create", fileName);
        try
        {
            await AtomicFile.WriteAsync(path, ContentOf(request), cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BindingException($"error writing file {fileName}: {e.Message}", e);
        }

        var relative = Path.GetRelativePath(RootPath, path).Replace(Path.DirectorySeparatorChar, '/');
        return OutputBindingResponse.Of(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["fileName"] = relative }));
    }

    private async Task<OutputBindingResponse> GetAsync(string fileName, CancellationToken cancellationToken)
    {
        var path = Resolve(fileName);
        BindingLog.Invoked(_logger, Name, "get", fileName);
        if (!File.Exists(path))
        {
            throw new BindingException($"file not found: {fileName}");
        }

        return OutputBindingResponse.Of(await File.ReadAllBytesAsync(path, cancellationToken));
    }

    private OutputBindingResponse Delete(string fileName)
    {
        var path = Resolve(fileName);
        BindingLog.Invoked(_logger, Name, "delete", fileName);
        if (!File.Exists(path))
        {
            throw new BindingException($"error deleting file {fileName}: file not found");
        }

        File.Delete(path);
        return OutputBindingResponse.Empty;
    }

    private OutputBindingResponse List(string? folderName)
    {
        var folder = folderName is null ? RootPath : Resolve(folderName);
        BindingLog.Invoked(_logger, Name, "list", folderName ?? "");
        if (!Directory.Exists(folder))
        {
            throw new BindingException($"unable to list files: {folderName} is not a directory");
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true };
        var files = Directory.EnumerateFiles(folder, "*", options)
            .Where(f => !AtomicFile.IsTempName(Path.GetFileName(f)))
            .Order(StringComparer.Ordinal)
            .ToArray();
        return OutputBindingResponse.Of(JsonSerializer.SerializeToUtf8Bytes(files));
    }

    private static ReadOnlyMemory<byte> ContentOf(OutputBindingRequest request)
    {
        if (request.Transport == BindingTransport.Grpc)
        {
            return request.Data;
        }

        return BindingData.UnquoteJsonString(request.Data) is { } text
            ? BindingData.TryDecodeBase64(text) ?? BindingData.Utf8(text)
            : request.Data;
    }

    private static string Required(string? fileName, string operation) =>
        fileName ?? throw new BindingException($"metadata fileName is required for operation {operation}");

    // The full path of fileName under RootPath; refuses every name that is not a plain relative path inside it.
    internal string Resolve(string fileName)
    {
        string Refuse(string why) => throw new BindingException($"invalid fileName '{fileName}': {why}");

        if (fileName.StartsWith('/') || Path.IsPathRooted(fileName))
        {
            return Refuse("absolute paths are not allowed");
        }

        var segments = fileName.Split('/');
        foreach (var segment in segments)
        {
            if (segment is "" or "." or "..")
            {
                return Refuse("empty, '.' and '..' path segments are not allowed");
            }

            if (segment.Contains('\\', StringComparison.Ordinal) || segment.Any(char.IsControl))
            {
                return Refuse("backslashes and control characters are not allowed");
            }

            if (segment.StartsWith(AtomicFile.TempPrefix, StringComparison.Ordinal))
            {
                return Refuse($"names starting with {AtomicFile.TempPrefix} are reserved for temporary files");
            }
        }

        var full = Path.GetFullPath(Path.Combine(RootPath, fileName));
        if (!full.StartsWith(RootPath + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return Refuse("it leaves rootPath");
        }

        var current = RootPath;
        foreach (var segment in segments)
        {
            current = Path.Combine(current, segment);
            if ((File.Exists(current) || Directory.Exists(current)) && File.GetAttributes(current).HasFlag(FileAttributes.ReparsePoint))
            {
                return Refuse("it runs through a symbolic link");
            }
        }

        return full;
    }
}
