using AvatarStream.Contracts;
using Dapr.Client;

namespace AvatarStream.Recorder;

// Stores a finished file through the recordings output binding (bindings.localstorage locally, S3 in Kubernetes), in
// parts (RecordingFileParts) so that no call passes Dapr's message size.
public interface IRecordingStorage
{
    public Task StoreAsync(string fileName, ReadOnlyMemory<byte> file, CancellationToken cancellationToken);
}

internal sealed class DaprRecordingStorage(DaprClient dapr) : IRecordingStorage
{
    public async Task StoreAsync(string fileName, ReadOnlyMemory<byte> file, CancellationToken cancellationToken)
    {
        var parts = RecordingFileParts.Count(file.Length);
        for (var index = 0; index < parts; index++)
        {
            var start = index * RecordingFileParts.PartBytes;
            var part = file.Slice(start, Math.Min(RecordingFileParts.PartBytes, file.Length - start));
            var request = new BindingRequest(DaprNames.RecordingsBinding, "create") { Data = part };
            var name = RecordingFileParts.Name(fileName, index);
            request.Metadata["fileName"] = name;
            request.Metadata["key"] = name;
            await dapr.InvokeBindingAsync(request, cancellationToken);
        }
    }
}
