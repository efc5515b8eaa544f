namespace MsgRelay.Protocols;

/// <summary>What a reader made of the bytes buffered so far.</summary>
public enum ReadStatus
{
    /// <summary>No decision yet: keep the bytes and read again when more have arrived.</summary>
    Incomplete,

    /// <summary>A whole unit (message, line) was read; advance past the consumed bytes.</summary>
    Complete,

    /// <summary>The bytes break a wire rule; the result names the rule.</summary>
    Rejected,
}
