using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MsgRelay.Node.Admin;

/// <summary>
/// The admin HTTP endpoint on Kestrel (loopback by default), in the node's own host: health for
/// orchestrators, metrics, and `who` and the member list for the CLI. It reads the node only through
/// <see cref="IAdminView"/>, so it never touches actor state.
/// </summary>
internal static class AdminEndpoints
{
    /// <summary>Adds Kestrel on <paramref name="host"/>:<paramref name="port"/> serving the admin routes to the host.</summary>
    public static IHostBuilder AddAdminHttp(this IHostBuilder builder, string host, int port) =>
        builder.ConfigureWebHost(web => web
            .UseKestrel(options => options.Listen(ParseHost(host), port))
            .ConfigureServices(services => services.AddRouting())
            .Configure(app => app.UseRouting().UseEndpoints(Map)));

    /// <summary>The address Kestrel bound, once the host has started; null without the admin endpoint.</summary>
    public static string? BoundAddress(IServiceProvider services) =>
        services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();

    private static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health/live", () => Results.Text("live\n"));
        routes.MapGet("/health/ready", (IAdminView view) => view.IsReady
            ? Results.Text("ready\n")
            : Results.Text("not ready\n", statusCode: StatusCodes.Status503ServiceUnavailable));
        routes.MapGet("/metrics", (IAdminView view) => Results.Text(view.Metrics(), "text/plain; version=0.0.4; charset=utf-8"));
        routes.MapGet("/cluster/members", async (IAdminView view, CancellationToken ct) =>
            Results.Json(await view.ClusterAsync(ct).ConfigureAwait(false), AdminJson.Options));
        routes.MapGet("/who", async (IAdminView view, CancellationToken ct) =>
            Results.Json(await view.WhoAsync(ct).ConfigureAwait(false), AdminJson.Options));
    }

    private static IPAddress ParseHost(string host) =>
        host is "" or "*" ? IPAddress.IPv6Any
        : host == "localhost" ? IPAddress.Loopback
        : IPAddress.Parse(host);
}
