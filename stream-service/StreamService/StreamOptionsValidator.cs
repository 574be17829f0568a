using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace AvatarStream.StreamService;

// The instance id is announced to the room router as this instance's app-id, so it must be one; a mistyped origin
// would silently refuse the page, so it stops the start instead.
internal sealed class StreamOptionsValidator : IValidateOptions<StreamOptions>
{
    public ValidateOptionsResult Validate(string? name, StreamOptions options)
    {
        var failures = new List<string>();
        if (!Identifiers.IsAppId(options.InstanceId))
        {
            failures.Add(
                $"Stream:InstanceId must be this instance's Dapr app-id (letters, digits and inner hyphens, at most 64 characters, e.g. stream-1); got '{options.InstanceId}'.");
        }

        var bad = OriginCheck.Invalid(options.AllowedOrigins).ToList();
        if (bad.Count > 0)
        {
            failures.Add(
                $"Stream:AllowedOrigins entries must be origins (http(s)://host[:port], no path); got {string.Join(", ", bad.Select(b => $"'{b}'"))}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
