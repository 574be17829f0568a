using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace AvatarStream.DevSidecar.Bindings;

// bindings.smtp (dapr-contract §6), operation create. The component's emailFrom, emailTo, emailCC, emailBCC, subject
// and priority (1..5, default 3) are defaults that request metadata of the same names overrides; addresses are
// ';'-separated, and emailFrom, emailTo and subject are required after the merge. The data must be a JSON string
// (what InvokeBindingAsync<string> and an HTTP data string send), as Dapr unquotes it; it becomes a text/html body.
//
// The development sidecar sends nothing: each message is written as an RFC 5322 .eml file into the outbox folder,
// component metadata outboxPath (development only; daprd ignores metadata it does not know). host and port are
// required and checked, as Dapr does, but not used.
public sealed class SmtpBinding : IOutputBinding
{
    public const string ComponentType = "bindings.smtp";

    private readonly SmtpDefaults _defaults;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public SmtpBinding(string name, string outboxPath, SmtpDefaults defaults, TimeProvider time, ILogger logger)
    {
        Name = name;
        OutboxPath = Path.GetFullPath(outboxPath);
        _defaults = defaults;
        _time = time;
        _logger = logger;
        if (defaults.Priority is { } priority)
        {
            ParsePriority(priority, message => new InvalidDataException($"binding '{name}' ({ComponentType}): {message}"));
        }
    }

    public string Name { get; }

    public string Type => ComponentType;

    public string OutboxPath { get; }

    public IReadOnlyList<string> Operations { get; } = ["create"];

    public async Task<OutputBindingResponse> InvokeAsync(OutputBindingRequest request, CancellationToken cancellationToken)
    {
        if (request.Operation != "create")
        {
            throw new BindingException($"unsupported operation {request.Operation}");
        }

        string Merge(string key, string? fallback) => request.MetadataValue(key) ?? fallback ?? "";
        var from = Addresses(Merge("emailFrom", _defaults.EmailFrom), "emailFrom");
        var to = Addresses(Merge("emailTo", _defaults.EmailTo), "emailTo");
        var cc = Addresses(Merge("emailCC", _defaults.EmailCC), "emailCC");
        var bcc = Addresses(Merge("emailBCC", _defaults.EmailBCC), "emailBCC");
        var subject = Merge("subject", _defaults.Subject);
        var priorityText = request.MetadataValue("priority") ?? _defaults.Priority;
        var priority = priorityText is null ? 3 : ParsePriority(priorityText, message => new BindingException(message));
        foreach (var (value, key) in new[] { (from, "emailFrom"), (to, "emailTo"), (subject, "subject") })
        {
            if (value.Length == 0)
            {
                throw new BindingException($"smtp binding error: {key} property not supplied in configuration- or request-metadata");
            }
        }

        if (subject.Any(char.IsControl))
        {
            throw new BindingException("smtp binding error: subject must not contain control characters");
        }

        var body = BindingData.UnquoteJsonString(request.Data)
            ?? throw new BindingException("smtp binding error: can't unquote data field: the data must be a JSON string");

        var now = _time.GetUtcNow();
        var fileName = $"{now:yyyyMMdd'T'HHmmssfff'Z'}-{Guid.NewGuid():N}.eml";
        var message = Eml.Compose(now, from, to, cc, bcc, subject, priority, body);
        BindingLog.Invoked(_logger, Name, "create", fileName);
        try
        {
            await AtomicFile.WriteAsync(Path.Combine(OutboxPath, fileName), message, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BindingException($"error writing {fileName} to the outbox {OutboxPath}: {e.Message}", e);
        }

        BindingLog.MailWritten(_logger, Name, Path.Combine(OutboxPath, fileName));
        return OutputBindingResponse.Empty;
    }

    // The ';'-separated addresses of text, checked, joined for a header.
    private static string Addresses(string text, string key)
    {
        var addresses = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var address in addresses)
        {
            if (address.Any(char.IsControl) || !MailAddress.TryCreate(address, out _))
            {
                throw new BindingException($"smtp binding error: {key} holds an invalid address '{address}'");
            }
        }

        return string.Join(", ", addresses);
    }

    private static int ParsePriority(string text, Func<string, Exception> fail) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var priority) && priority is >= 1 and <= 5
            ? priority
            : throw fail($"smtp binding error: priority value must be between 1 and 5, not '{text}'");
}

// The component-level values of a bindings.smtp component; null where the component has none.
public sealed record SmtpDefaults(string? EmailFrom, string? EmailTo, string? EmailCC, string? EmailBCC, string? Subject, string? Priority);

// An RFC 5322 message with one text/html UTF-8 body part in base64, lines ending CRLF. Bcc is kept in the file so the
// developer sees every recipient; a real relay would strip it.
internal static class Eml
{
    public static byte[] Compose(
        DateTimeOffset date, string from, string to, string cc, string bcc, string subject, int priority, string body)
    {
        var text = new StringBuilder();
        void Header(string name, string value)
        {
            if (value.Length > 0)
            {
                text.Append(name).Append(": ").Append(value).Append("\r\n");
            }
        }

        Header("Date", date.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture));
        Header("From", from);
        Header("To", to);
        Header("Cc", cc);
        Header("Bcc", bcc);
        Header("Subject", EncodeHeader(subject));
        Header("Message-ID", $"<{Guid.NewGuid():N}@dev-sidecar>");
        Header("X-Priority", priority.ToString(CultureInfo.InvariantCulture));
        Header("MIME-Version", "1.0");
        Header("Content-Type", "text/html; charset=utf-8");
        Header("Content-Transfer-Encoding", "base64");
        text.Append("\r\n");
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(body));
        for (var i = 0; i < encoded.Length; i += 76)
        {
            text.Append(encoded.AsSpan(i, Math.Min(76, encoded.Length - i))).Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }

    // RFC 2047 encoded-word for text outside printable ASCII; printable ASCII stays as it is.
    private static string EncodeHeader(string value) =>
        value.All(c => c is >= ' ' and <= '~') ? value : $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(value))}?=";
}
