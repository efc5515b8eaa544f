using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using MsgRelay.Node.Admin;

namespace MsgRelay.Node.Cli;

/// <summary>`msgrelay status`: the cluster's members, their state and the shards each owns, from a node's admin endpoint.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var server = new Option<string>("--server", "-s")
        {
            Description = $"The node's admin HTTP address host[:port] (msgrelay.admin; default {WhoCommand.DefaultAdmin}).",
            DefaultValueFactory = _ => WhoCommand.DefaultAdmin,
        };
        var command = new Command("status", "Show the cluster as a node sees it: members, their state and shards.") { server };
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                using var http = AdminHttp.Create(result.GetValue(server)!);
                var status = await http.GetFromJsonAsync<ClusterStatus>("/cluster/members", AdminJson.Options, cancellationToken).ConfigureAwait(false);
                await result.InvocationConfiguration.Output.WriteLineAsync(Format(status!)).ConfigureAwait(false);
                return 0;
            }
            catch (HttpRequestException e)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"msgrelay status: cannot reach the admin endpoint {result.GetValue(server)}: {e.Message}").ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }

    internal static string Format(ClusterStatus status)
    {
        var lines = new List<string> { string.Format(CultureInfo.InvariantCulture, "{0,-40} {1,-9} {2,-10} {3}", "MEMBER", "STATUS", "REACHABLE", "SHARDS") };
        foreach (var m in status.Members)
        {
            var notes = new List<string>();
            if (m.IsSelf)
            {
                notes.Add("self");
            }

            if (m.Address == status.Leader)
            {
                notes.Add("leader");
            }

            lines.Add(string.Format(
                CultureInfo.InvariantCulture,
                "{0,-40} {1,-9} {2,-10} {3}{4}",
                m.Address,
                m.Status,
                m.Reachable ? "yes" : "no",
                m.Shards,
                notes.Count > 0 ? $"  ({string.Join(", ", notes)})" : string.Empty));
        }

        return string.Join(Environment.NewLine, lines);
    }
}
