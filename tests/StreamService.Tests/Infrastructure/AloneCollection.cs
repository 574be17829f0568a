namespace AvatarStream.StreamService.Tests.Infrastructure;

// Tests that measure the whole process run after the others, one at a time.
[CollectionDefinition(nameof(AloneCollection), DisableParallelization = true)]
public sealed class AloneCollection;
