using System.CommandLine;
using MsgRelay.Actors;
using MsgRelay.Hocon;
using MsgRelay.Relay.Listeners;
using MsgRelay.Relay.Routing;
using MsgRelay.Node.Configuration;

namespace MsgRelay.Node.Cli;

/// <summary>`msgrelay config json|check|show`: look at HOCON the way the node reads it.</summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var command = new Command("config", "Parse, check and show configuration.");
        command.Subcommands.Add(CreateJson());
        command.Subcommands.Add(CreateCheck());
        command.Subcommands.Add(CreateShow());
        command.Subcommands.Add(ConfigReloadCommand.Create());
        return command;
    }

    private static Command CreateJson()
    {
        var file = new Argument<string>("file") { Description = "A HOCON file; parsed and resolved alone, without defaults." };
        var command = new Command("json", "Print one HOCON file, resolved, as JSON (errors as file:line:col: message).") { file };
        command.SetAction(result =>
        {
            try
            {
                var config = ConfigFactory.ParseFile(Path.GetFullPath(result.GetValue(file)!)).Resolve();
                result.InvocationConfiguration.Output.WriteLine(config.ToJson());
                return 0;
            }
            catch (HoconException e)
            {
                result.InvocationConfiguration.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return command;
    }

    private static Command CreateCheck()
    {
        var options = new NodeOptions();
        var command = new Command("check", "Validate a full node configuration (defaults, --config, --set) and say what is wrong.");
        options.AddTo(command);
        command.SetAction(result => WithNodeConfig(result, options, (config, output) =>
        {
            // Every settings record the node builds at start-up, so check finds what serve would.
            NodeSettings.FromConfig(config);
            RelaySettings.FromConfig(config);
            ListenerSettings.FromConfig(config);
            ActorSystemSettings.FromConfig(config);
            output.WriteLine("configuration ok");
        }));
        return command;
    }

    private static Command CreateShow()
    {
        var options = new NodeOptions();
        var command = new Command("show", "Print the effective node configuration (defaults, --config, --set) as HOCON.");
        options.AddTo(command);
        command.SetAction(result => WithNodeConfig(result, options, (config, output) =>
            output.WriteLine(config.Render())));
        return command;
    }

    private static int WithNodeConfig(ParseResult result, NodeOptions options, Action<Config, TextWriter> action)
    {
        var (file, overrides) = options.Read(result);
        try
        {
            action(NodeConfiguration.Load(file, overrides), result.InvocationConfiguration.Output);
            return 0;
        }
        catch (ConfigurationException e)
        {
            foreach (var problem in e.Problems)
            {
                result.InvocationConfiguration.Error.WriteLine(problem);
            }

            return 1;
        }
        catch (HoconException e)
        {
            result.InvocationConfiguration.Error.WriteLine(e.Message);
            return 1;
        }
    }
}
