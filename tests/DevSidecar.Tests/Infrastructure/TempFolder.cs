namespace AvatarStream.DevSidecar.Tests.Infrastructure;

/// <summary>A fresh folder under the temp path, removed (best effort) on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "devsidecar-tests", Guid.NewGuid().ToString("N"));

    public TempFolder() => System.IO.Directory.CreateDirectory(Path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that still holds a file open; the OS temp cleaner gets it later.
        }
    }
}
