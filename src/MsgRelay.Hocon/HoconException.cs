namespace MsgRelay.Hocon;

/// <summary>Any failure to parse, resolve or read a configuration. The message always reads
/// <c>origin: what is wrong</c>, e.g. <c>app.conf:3:9: msgrelay.port: expected an integer, got "abc"</c>.</summary>
public sealed class HoconException : Exception
{
    public HoconException()
        : this(HoconOrigin.None("<unknown>"), "configuration error")
    {
    }

    public HoconException(string message)
        : this(HoconOrigin.None("<unknown>"), message)
    {
    }

    public HoconException(string message, Exception innerException)
        : base(message, innerException)
    {
        Origin = HoconOrigin.None("<unknown>");
        Reason = message;
    }

    public HoconException(HoconOrigin origin, string reason, Exception? innerException = null)
        : base($"{origin}: {reason}", innerException)
    {
        Origin = origin;
        Reason = reason;
    }

    /// <summary>Where the problem is (file or description, line, column).</summary>
    public HoconOrigin Origin { get; }

    /// <summary>The message without the origin prefix.</summary>
    public string Reason { get; }
}
