using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MsgRelay.Node.Admin;

/// <summary>
/// The admin HTTP endpoint on Kestrel (loopback by default): health for orchestrators and `who` for
/// the CLI. It reads the node only through <see cref="IAdminView"/>, so it never touches actor state.
/// </summary>
internal sealed class AdminServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AdminServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<AdminServer> StartAsync(string host, int port, IAdminView view, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Kestrel logs through the node's logger, but start-up failures are reported once by the
        // node itself (StartupFailure), so the hosting layer's own error and lifetime chatter is muted.
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new ForwardingLoggerProvider(loggerFactory));
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSingleton<IHostLifetime, DetachedLifetime>();
        builder.WebHost.UseKestrel(options => options.Listen(ParseHost(host), port));

        var app = builder.Build();
        app.MapGet("/health/live", () => Results.Text("live\n"));
        app.MapGet("/health/ready", () => view.IsReady
            ? Results.Text("ready\n")
            : Results.Text("not ready\n", statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/metrics", () => Results.Text(view.Metrics(), "text/plain; version=0.0.4; charset=utf-8"));
        app.MapGet("/cluster/members", async (CancellationToken ct) => Results.Json(await view.ClusterAsync(ct).ConfigureAwait(false), AdminJson.Options));
        app.MapGet("/who", async (CancellationToken ct) => Results.Json(await view.WhoAsync(ct).ConfigureAwait(false), AdminJson.Options));

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = app.Urls.FirstOrDefault() ?? $"http://{host}:{port}";
        return new AdminServer(app, new Uri(bound));
    }

    private static IPAddress ParseHost(string host) =>
        host is "" or "*" ? IPAddress.IPv6Any
        : host == "localhost" ? IPAddress.Loopback
        : IPAddress.Parse(host);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
