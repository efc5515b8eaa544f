namespace MsgRelay.Hocon;

/// <summary>Checks a configuration against the reference that documents every allowed key.</summary>
public static class ConfigValidation
{
    /// <summary>Every key under <paramref name="rootPath"/> (e.g. <c>msgrelay</c>) in
    /// <paramref name="actual"/> that <paramref name="reference"/> does not have, plus obvious
    /// shape mismatches (object against plain value, list against non-list). An object that is
    /// empty in the reference (<c>users = {}</c>) is a map and accepts any child keys; a null in
    /// either config accepts anything. Both configs should be resolved.</summary>
    public static IReadOnlyList<ConfigProblem> UnknownKeys(Config reference, Config actual, string rootPath)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(actual);
        var problems = new List<ConfigProblem>();
        string[] root = rootPath.Length == 0 ? [] : HoconPath.Parse(rootPath, HoconOrigin.None("<path>"));
        var actualValue = Walk(actual.Root, root);
        if (actualValue is null or HoconNull)
        {
            return problems;
        }

        var referenceValue = Walk(reference.Root, root);
        Compare(referenceValue, actualValue, [.. root], problems);
        return problems;
    }

    private static HoconValue? Walk(HoconObject root, string[] path)
    {
        HoconValue node = root;
        foreach (var key in path)
        {
            if (node is not HoconObject obj || !obj.TryGetValue(key, out var child))
            {
                return null;
            }

            node = child;
        }

        return node;
    }

    private static void Compare(HoconValue? reference, HoconValue actual, List<string> path, List<ConfigProblem> problems)
    {
        if (reference is null)
        {
            Add(problems, ConfigProblemKind.UnknownKey, path, actual, "unknown key (not in the reference configuration; check the spelling)");
            return;
        }

        if (reference is HoconNull || actual is HoconNull)
        {
            return;
        }

        switch (reference, actual)
        {
            case (HoconObject refObj, HoconObject actualObj):
                if (refObj.Count == 0)
                {
                    return;
                }

                foreach (var (key, value) in actualObj)
                {
                    path.Add(key);
                    Compare(refObj.TryGetValue(key, out var r) ? r : null, value, path, problems);
                    path.RemoveAt(path.Count - 1);
                }

                return;
            case (HoconObject, _):
                Add(problems, ConfigProblemKind.WrongShape, path, actual, $"expected an object, got {HoconValue.Describe(actual)}");
                return;
            case (_, HoconObject):
                Add(problems, ConfigProblemKind.WrongShape, path, actual, $"expected {Expected(reference)}, got an object");
                return;
            case (HoconArray, not HoconArray):
                Add(problems, ConfigProblemKind.WrongShape, path, actual, $"expected a list, got {HoconValue.Describe(actual)}");
                return;
            case (not HoconArray, HoconArray):
                Add(problems, ConfigProblemKind.WrongShape, path, actual, $"expected {Expected(reference)}, got a list");
                return;
        }
    }

    private static string Expected(HoconValue reference) => reference switch
    {
        HoconString => "a string",
        HoconNumber => "a number",
        HoconBoolean => "a boolean",
        _ => "a value",
    };

    private static void Add(List<ConfigProblem> problems, ConfigProblemKind kind, List<string> path, HoconValue actual, string what)
    {
        var fullPath = HoconPath.Render(path);
        problems.Add(new ConfigProblem(kind, fullPath, actual.Origin, $"{actual.Origin.FileAndLine}: {fullPath}: {what}"));
    }
}
