namespace MsgRelay.Protocols.Rwp;

/// <summary>Where a DATA body stands after a line.</summary>
public enum RwpDataStatus
{
    /// <summary>More body lines expected.</summary>
    Collecting,

    /// <summary>The lone dot ended a non-empty body.</summary>
    Complete,

    /// <summary>The lone dot ended an empty body (answer 672).</summary>
    Empty,

    /// <summary>The dot came, but the body had more lines than allowed; it is dropped.</summary>
    TooManyLines,

    /// <summary>The dot came, but the body (or one of its lines) was larger than allowed; it is dropped.</summary>
    TooManyBytes,
}
