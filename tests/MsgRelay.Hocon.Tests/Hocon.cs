namespace MsgRelay.Hocon.Tests;

/// <summary>Shortcuts shared by the unit tests.</summary>
internal static class Hocon
{
    /// <summary>Parses and resolves with no environment fallback, so tests never depend on the machine.</summary>
    public static Config Resolve(string text, string origin = "<string>") =>
        ConfigFactory.ParseString(text, origin).Resolve(ConfigResolveOptions.NoEnvironment);

    /// <summary>The resolved value as compact JSON.</summary>
    public static string Json(string text) => Resolve(text).ToJson(indented: false);

    public static HoconException Error(string text, string origin = "<string>") =>
        Assert.Throws<HoconException>(() => Resolve(text, origin));
}
