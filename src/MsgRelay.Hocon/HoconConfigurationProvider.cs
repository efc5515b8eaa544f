using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace MsgRelay.Hocon;

/// <summary>Exposes a resolved HOCON tree to Microsoft.Extensions.Configuration: keys joined
/// with ':', list elements under their index (<c>a:list:0</c>), numbers as written,
/// booleans as "true"/"false", null as a null value.</summary>
public sealed class HoconConfigurationProvider : ConfigurationProvider
{
    private readonly Func<Config> _load;

    public HoconConfigurationProvider(Func<Config> load) => _load = load;

    public override void Load()
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Flatten(_load().Root, null, data);
        Data = data;
    }

    internal static void Flatten(HoconValue value, string? prefix, IDictionary<string, string?> data)
    {
        switch (value)
        {
            case HoconObject obj:
                foreach (var (key, child) in obj)
                {
                    Flatten(child, prefix is null ? key : prefix + ConfigurationPath.KeyDelimiter + key, data);
                }

                break;
            case HoconArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    var index = i.ToString(CultureInfo.InvariantCulture);
                    Flatten(array[i], prefix is null ? index : prefix + ConfigurationPath.KeyDelimiter + index, data);
                }

                break;
            case HoconNull:
                data[prefix ?? ""] = null;
                break;
            default:
                data[prefix ?? ""] = value.ConcatenationText;
                break;
        }
    }
}
