using AvatarStream.Contracts;
using AvatarStream.Deployment.Tests.Rules;
using AvatarStream.Deployment.Tests.Support;
using AvatarStream.IpUpdater;
using AvatarStream.RoomRouter;
using Microsoft.AspNetCore.Builder;

namespace AvatarStream.Deployment.Tests;

// What the manifests send traffic to is what the apps actually map.
public class AppRoutesTests
{
    // The web page's address: the Ingress routes it ahead of the page itself landing in room-router.
    private const string PagePath = "/";

    // The prefix of the page's own files (GET /web/{file}).
    private const string PageFilesPrefix = "/web/";

    [Fact]
    public async Task IngressPaths_ToRoomRouter_AreItsPublicPostRoutes()
    {
        var routes = await AppRoutes.OfAsync(RoomRouterApp.Build);
        var applied = Manifests.Applied();
        var router = applied.Named("Deployment", DaprNames.RoomRouter);
        var paths = applied.OfKind("Ingress")
            .SelectMany(i => i.Root.Items("spec", "rules"))
            .SelectMany(r => r.Items("http", "paths"))
            .Where(p => RoutingRules.SelectedDeployment(applied.Named("Service", p.Str("backend", "service", "name") ?? ""), applied) == router)
            .Select(p => p.Str("path") ?? "")
            .Where(p => p is not (PagePath or PageFilesPrefix))
            .ToArray();

        Assert.NotEmpty(paths);
        Assert.True(AppRoutes.Serves(routes, "GET", PageFilesPrefix + "{file}"), "room-router serves no GET /web/{file}");
        Assert.All(paths, path => Assert.True(AppRoutes.Serves(routes, "POST", path), $"room-router maps no POST {path}"));
    }

    [Fact]
    public async Task ProbePath_IsServedByEveryBuiltApp()
    {
        foreach (var build in new Func<string[], WebApplication>[] { RoomRouterApp.Build, IpUpdaterApp.Build })
        {
            Assert.True(AppRoutes.Serves(await AppRoutes.OfAsync(build), "GET", WorkloadRules.ProbePath));
        }
    }

    [Fact]
    public async Task CronBinding_PostsToARouteIpUpdaterMaps()
    {
        var routes = await AppRoutes.OfAsync(IpUpdaterApp.Build);
        var binding = Manifests.Applied().Named("Component", DaprNames.InstanceSweepBinding);

        Assert.True(AppRoutes.Serves(routes, "POST", "/" + binding.Name));
        Assert.Equal(binding.Name, LocalComponents.Component(DaprNames.InstanceSweepBinding).Name);
    }
}
