namespace AvatarStream.DevSidecar.Bindings;

// Writes a file so that its final name only ever holds complete content: the bytes go to a temporary file in the same
// folder, are flushed to disk, and the file is then renamed over the final name. A crash leaves at most a temporary
// file (TempPrefix, which listings skip), never a half-written file under the final name.
internal static class AtomicFile
{
    public const string TempPrefix = ".devsidecar-";
    private const string TempSuffix = ".tmp";

    public static bool IsTempName(string fileName) =>
        fileName.StartsWith(TempPrefix, StringComparison.Ordinal) && fileName.EndsWith(TempSuffix, StringComparison.Ordinal);

    // Throws IOException or UnauthorizedAccessException; the temporary file is removed on failure.
    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, TempPrefix + Guid.NewGuid().ToString("N") + TempSuffix);
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(content, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // What could not be written can rarely be deleted; the name marks it as litter.
        }
    }
}
