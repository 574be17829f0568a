using AvatarStream.DevHost;

namespace AvatarStream.Deployment.Tests.Support;

// Paths inside the checkout, found the way the local run finds them (the folder holding Dapr.sln).
internal static class Repo
{
    public static string Root { get; } = RepositoryRoot.Find();

    public static string Components => PathOf("components");

    public static string Kubernetes => PathOf("deploy/kubernetes");

    public static string PathOf(string relative) => Path.GetFullPath(Path.Combine(Root, relative));
}
