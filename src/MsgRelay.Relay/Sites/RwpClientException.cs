namespace MsgRelay.Relay.Sites;

/// <summary>A next hop that closed the connection or answered something that is not RWP.</summary>
public sealed class RwpClientException : IOException
{
    /// <summary>Creates the exception.</summary>
    public RwpClientException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RwpClientException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public RwpClientException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
