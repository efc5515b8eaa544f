using MsgRelay.Hocon.Rendering;

namespace MsgRelay.Hocon;

public sealed partial class Config
{
    /// <summary>The resolved tree as JSON (numbers as numbers, written as in the source where
    /// that is valid JSON; keys in file order).</summary>
    /// <exception cref="HoconException">The config still holds substitutions.</exception>
    public string ToJson(bool indented = true) => JsonRenderer.Render(Root, indented);

    /// <summary>The tree as HOCON; with <paramref name="originComments"/>, each field is preceded
    /// by a <c># file:line</c> comment naming where it was set.</summary>
    public string Render(bool originComments = false) => HoconRenderer.Render(Root, originComments);
}
