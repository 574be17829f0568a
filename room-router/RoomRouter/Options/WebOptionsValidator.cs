using AvatarStream.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Options;

// A mistyped entry would silently admit nothing: refuse to start instead.
internal sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options) =>
        OriginCheck.Invalid(options.AllowedOrigins).ToList() is { Count: > 0 } bad
            ? ValidateOptionsResult.Fail(
                $"Web:AllowedOrigins entries must be origins (http(s)://host[:port], no path); got {string.Join(", ", bad.Select(b => $"'{b}'"))}.")
            : ValidateOptionsResult.Success;
}
