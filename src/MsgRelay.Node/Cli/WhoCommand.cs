using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using MsgRelay.Node.Admin;

namespace MsgRelay.Node.Cli;

/// <summary>`msgrelay who`: the users logged in, read from a node's admin HTTP endpoint.</summary>
internal static class WhoCommand
{
    public const string DefaultAdmin = "127.0.0.1:8018";

    public static Command Create()
    {
        var server = new Option<string>("--server", "-s")
        {
            Description = $"The node's admin HTTP address host[:port] (msgrelay.admin; default {DefaultAdmin}).",
            DefaultValueFactory = _ => DefaultAdmin,
        };
        var command = new Command("who", "List the users logged in: tty, node, login time and idle time.") { server };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            try
            {
                using var http = AdminHttp.Create(result.GetValue(server)!);
                var rows = await http.GetFromJsonAsync<List<WhoEntry>>("/who", AdminJson.Options, cancellationToken).ConfigureAwait(false) ?? [];
                await output.WriteLineAsync(Format(rows)).ConfigureAwait(false);
                return 0;
            }
            catch (HttpRequestException e)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"msgrelay who: cannot reach the admin endpoint {result.GetValue(server)}: {e.Message}").ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }

    internal static string Format(IReadOnlyList<WhoEntry> rows)
    {
        if (rows.Count == 0)
        {
            return "nobody is logged in";
        }

        var lines = new List<string> { string.Format(CultureInfo.InvariantCulture, "{0,-16} {1,-12} {2,-16} {3,-20} {4}", "USER", "TTY", "NODE", "LOGIN", "IDLE") };
        foreach (var row in rows.OrderBy(r => r.User, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Tty, StringComparer.Ordinal))
        {
            lines.Add(string.Format(
                CultureInfo.InvariantCulture,
                "{0,-16} {1,-12} {2,-16} {3,-20} {4}",
                row.User,
                row.Tty,
                row.Node,
                row.LoginTime.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                Idle(row.Idle)));
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static string Idle(TimeSpan idle) =>
        idle < TimeSpan.FromMinutes(1) ? "."
        : idle < TimeSpan.FromHours(1) ? $"{(int)idle.TotalMinutes}m"
        : $"{(int)idle.TotalHours}h{idle.Minutes:00}m";
}
