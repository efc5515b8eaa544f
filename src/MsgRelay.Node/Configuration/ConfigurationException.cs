namespace MsgRelay.Node.Configuration;

/// <summary>An invalid node configuration: every problem found, each a `file:line:col: ...` line.</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException()
        : this([])
    {
    }

    public ConfigurationException(string message)
        : this([message])
    {
    }

    public ConfigurationException(string message, Exception innerException)
        : this([message], innerException)
    {
    }

    public ConfigurationException(IReadOnlyList<string> problems, Exception? innerException = null)
        : base(string.Join(Environment.NewLine, problems), innerException)
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
