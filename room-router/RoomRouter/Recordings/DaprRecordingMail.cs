using AvatarStream.Contracts;
using Dapr;
using Dapr.Client;

namespace AvatarStream.RoomRouter.Recordings;

internal sealed class DaprRecordingMail(DaprClient dapr, ILogger<DaprRecordingMail> logger) : IRecordingMail
{
    public async Task<bool> SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken)
    {
        try
        {
            await dapr.InvokeBindingAsync(
                DaprNames.MailBinding, "create", htmlBody, new Dictionary<string, string> { ["emailTo"] = to, ["subject"] = subject }, cancellationToken);
            return true;
        }
        catch (DaprException exception)
        {
            // The address is personal data: only the failure is logged.
            RecordingLog.MailFailed(logger, exception.GetBaseException().Message);
            return false;
        }
    }
}
