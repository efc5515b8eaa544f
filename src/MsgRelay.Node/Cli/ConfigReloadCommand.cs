using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MsgRelay.Hocon;
using MsgRelay.Node.Configuration;
using MsgRelay.Relay.Routing;

namespace MsgRelay.Node.Cli;

/// <summary>
/// `msgrelay config reload --pid N [--config F] [--set k=v]`: checks the configuration the node
/// would read (routes included) and, only when it is valid, sends the node SIGHUP, on which it swaps
/// its routes without dropping a connection. Checking first means a typo is reported here, to the
/// operator, rather than only in the node's log.
/// </summary>
internal static class ConfigReloadCommand
{
    public static Command Create()
    {
        var options = new NodeOptions();
        var pid = new Option<int>("--pid") { Description = "Process id of the running `msgrelay serve`.", Required = true };
        var command = new Command("reload", "Check the configuration, then tell a running node (SIGHUP) to apply its routes.") { pid };
        options.AddTo(command);
        command.SetAction(result =>
        {
            var (file, overrides) = options.Read(result);
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            try
            {
                RelaySettings.FromConfig(NodeConfiguration.Load(file, overrides));
            }
            catch (ConfigurationException e)
            {
                foreach (var problem in e.Problems.Count > 0 ? e.Problems : [e.Message])
                {
                    error.WriteLine(problem);
                }

                return 1;
            }
            catch (HoconException e)
            {
                error.WriteLine(e.Message);
                return 1;
            }

            var target = result.GetValue(pid);
            if (!SendHangup(target))
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"msgrelay config reload: could not signal process {target}"));
                return 2;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reload requested from process {target}; its log says whether the routes were applied"));
            return 0;
        });
        return command;
    }

    // kill(1) rather than a P/Invoke: the CLI needs no unsafe code for one signal.
    private static bool SendHangup(int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-HUP", pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
        if (kill is null)
        {
            return false;
        }

        kill.WaitForExit();
        return kill.ExitCode == 0;
    }
}
