namespace MsgRelay.Hocon;

public sealed partial class Config
{
    public IReadOnlyList<string> GetStringList(string path) => MapList(path, AsString);

    public IReadOnlyList<int> GetIntList(string path) =>
        MapList(path, (v, f) => (int)AsInteger(v, f, int.MinValue, int.MaxValue, "a 32-bit integer"));

    public IReadOnlyList<long> GetLongList(string path) =>
        MapList(path, (v, f) => AsInteger(v, f, long.MinValue, long.MaxValue, "a 64-bit integer"));

    public IReadOnlyList<double> GetDoubleList(string path) => MapList(path, AsDouble);

    public IReadOnlyList<bool> GetBooleanList(string path) => MapList(path, AsBoolean);

    public IReadOnlyList<TimeSpan> GetTimeSpanList(string path) => MapList(path, AsDuration);

    public IReadOnlyList<long> GetByteSizeList(string path) => MapList(path, AsBytes);

    /// <summary>A list of objects, each as a config.</summary>
    public IReadOnlyList<Config> GetConfigList(string path)
    {
        var elements = HoconPath.Parse(path, Root.Origin);
        return MapList(path, (v, f) => v is HoconObject o ? new Config(o, [.. _prefix, .. elements]) : throw WrongTypeAt(f, v, "an object"));
    }

    /// <summary>Like <see cref="GetStringList(string)"/> but empty when the path is missing or null.</summary>
    public IReadOnlyList<string> GetStringList(string path, IReadOnlyList<string> @default) =>
        IsUnset(path) ? @default : GetStringList(path);

    private List<T> MapList<T>(string path, Func<HoconValue, string, T> convert)
    {
        var list = AsList(Require(path, out var full), full);
        var result = new List<T>(list.Count);
        for (int i = 0; i < list.Count; i++)
        {
            result.Add(convert(list[i], $"{full}[{i}]"));
        }

        return result;
    }
}
