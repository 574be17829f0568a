using AvatarStream.Contracts;
using Dapr;
using Dapr.Client;

namespace AvatarStream.RoomRouter.Recordings;

// Reads a file with the recordings binding's "get" operation (bindings.localstorage locally, S3 in Kubernetes).
internal sealed class DaprRecordingFiles(DaprClient dapr) : IRecordingFiles
{
    public async Task<byte[]?> ReadAsync(string fileName, CancellationToken cancellationToken)
    {
        var request = new BindingRequest(DaprNames.RecordingsBinding, "get");
        request.Metadata["fileName"] = fileName;
        request.Metadata["key"] = fileName;
        try
        {
            var response = await dapr.InvokeBindingAsync(request, cancellationToken);
            return response.Data.ToArray();
        }
        catch (DaprException)
        {
            return null;
        }
    }
}
