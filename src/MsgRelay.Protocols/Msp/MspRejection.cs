namespace MsgRelay.Protocols.Msp;

/// <summary>Why <see cref="MspReader"/> refused the bytes.</summary>
public enum MspRejection
{
    /// <summary>Not rejected.</summary>
    None,

    /// <summary>The first octet is neither <c>A</c> (version 1) nor <c>B</c> (version 2).</summary>
    UnknownRevision,

    /// <summary>512 octets arrived without completing a message. The stream cannot be resynchronised.</summary>
    TooLong,

    /// <summary>A control code in a part other than the message text, or other than CR, LF, TAB in the text.</summary>
    ControlCharacter,

    /// <summary>Version 2 with an empty COOKIE part.</summary>
    CookieMissing,

    /// <summary>Version 2 with a COOKIE longer than 32 octets.</summary>
    CookieTooLong,
}
