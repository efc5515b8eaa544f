using System.CommandLine;

namespace MsgRelay.Node.Cli;

/// <summary>The options every command that reads a node configuration shares (serve, config check/show).</summary>
internal sealed class NodeOptions
{
    public Option<string?> Config { get; } = new("--config", "-c")
    {
        Description = "HOCON file layered over the built-in defaults (see docs/configuration.md).",
    };

    public Option<string[]> Set { get; } = new("--set")
    {
        Description = "Override one key, e.g. --set msgrelay.listeners.rwp.tcp-port=2018 (repeatable; the last wins).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Config);
        command.Options.Add(Set);
    }

    public (string? ConfigFile, IReadOnlyList<string> Overrides) Read(ParseResult result) =>
        (result.GetValue(Config), result.GetValue(Set) ?? []);
}
