namespace AvatarStream.RoomRouter.Recordings;

// Mails a recording's link, through the mail output binding (bindings.smtp; the development sidecar writes .eml files).
public interface IRecordingMail
{
    // False when the binding refused it; never throws for a failed delivery.
    public Task<bool> SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken);
}
