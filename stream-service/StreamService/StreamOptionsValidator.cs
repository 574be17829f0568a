using AvatarStream.Contracts;
using Microsoft.Extensions.Options;

namespace AvatarStream.StreamService;

// The instance id is announced to the room router as this instance's app-id, so it must be one.
internal sealed class StreamOptionsValidator : IValidateOptions<StreamOptions>
{
    public ValidateOptionsResult Validate(string? name, StreamOptions options) =>
        Identifiers.IsAppId(options.InstanceId)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Stream:InstanceId must be this instance's Dapr app-id (letters, digits and inner hyphens, at most 64 characters, e.g. stream-1); got '{options.InstanceId}'.");
}
