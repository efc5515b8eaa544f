using System.Globalization;

namespace MsgRelay.Protocols.Rwp;

/// <summary>One RWP response line: a three-digit code and its text.</summary>
/// <param name="Code">100..699.</param>
/// <param name="Text">The text after the code and one space.</param>
public readonly record struct RwpReply(int Code, string Text)
{
    /// <summary>The line as written, without its line end: <c>"105 Sender ok."</c>.</summary>
    public override string ToString() => Code.ToString(CultureInfo.InvariantCulture) + " " + Text;
}
