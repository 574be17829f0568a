namespace AvatarStream.StreamService.Tests.Infrastructure;

/// <summary>Tests that measure the whole process run after the others, one at a time.</summary>
[CollectionDefinition(nameof(AloneCollection), DisableParallelization = true)]
public sealed class AloneCollection;
