namespace MsgRelay.Hocon.Resolution;

/// <summary>Replaces every substitution in a tree by the value it names. Substitutions "look
/// forward" to the final value of their path, memoized per occurrence; a lookup that reaches a
/// merge stack while that stack is being resolved "looks back" to the definitions below the one
/// being resolved, which is what makes <c>path = ${path}":/bin"</c> work. A cycle that cannot be
/// broken that way is an error (or undefined, for <c>${?x}</c>).</summary>
internal sealed class Resolver
{
    private readonly HoconObject _root;
    private readonly Func<string, string?>? _environment;
    private readonly Dictionary<HoconValue, HoconValue?> _memo = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<HoconValue, int> _inProgress = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<HoconDelayedMerge, StackProgress> _stacks = new(ReferenceEqualityComparer.Instance);
    private readonly List<HoconSubstitution> _chain = [];

    private Resolver(HoconObject root, Func<string, string?>? environment)
    {
        _root = root;
        _environment = environment;
    }

    public static HoconObject Resolve(HoconObject root, Func<string, string?>? environment)
    {
        if (root.IsResolved)
        {
            return root;
        }

        var resolver = new Resolver(root, environment);
        return (HoconObject)resolver.ResolveValue(root)!;
    }

    /// <summary>Returns the resolved value, or null when it is undefined (an optional substitution
    /// that found nothing).</summary>
    private HoconValue? ResolveValue(HoconValue value)
    {
        if (value.IsResolved)
        {
            return value;
        }

        if (_memo.TryGetValue(value, out var known))
        {
            return known;
        }

        if (_inProgress.TryGetValue(value, out int chainStart))
        {
            throw new CycleException(chainStart, [.. _chain.Skip(chainStart)]);
        }

        _inProgress[value] = _chain.Count;
        HoconValue? result;
        try
        {
            result = value switch
            {
                HoconObject obj => ResolveObject(obj),
                HoconArray array => ResolveArray(array),
                HoconSubstitution subst => ResolveSubstitution(subst),
                HoconConcatenation concat => ResolveConcatenation(concat),
                HoconDelayedMerge stack => ResolveStack(stack, 0),
                _ => value,
            };
        }
        finally
        {
            _inProgress.Remove(value);
        }

        _memo[value] = result;
        return result;
    }

    private HoconObject ResolveObject(HoconObject obj)
    {
        var resolved = new HoconObject(obj.Origin);
        foreach (var (key, field) in obj)
        {
            if (ResolveValue(field) is { } value)
            {
                resolved.Set(key, value);
            }
        }

        return resolved;
    }

    private HoconArray ResolveArray(HoconArray array)
    {
        var items = new List<HoconValue>(array.Count);
        foreach (var item in array)
        {
            if (ResolveValue(item) is { } value)
            {
                items.Add(value);
            }
        }

        return new HoconArray(array.Origin, items, takeOwnership: true);
    }

    private HoconValue? ResolveConcatenation(HoconConcatenation concat)
    {
        var pieces = new List<HoconValue>(concat.Pieces.Count);
        bool anyDefined = false;
        foreach (var piece in concat.Pieces)
        {
            if (ResolveValue(piece) is { } value)
            {
                pieces.Add(value);
                anyDefined |= !(value is HoconString { IsWhitespace: true });
            }
        }

        return anyDefined ? Concatenation.Combine(pieces, concat.Origin) : null;
    }

    /// <summary>Merges the definitions of one field from <paramref name="start"/> down, newest
    /// first. Once the merged value is not an object, older definitions cannot change it and are
    /// never evaluated.</summary>
    private HoconValue? ResolveStack(HoconDelayedMerge stack, int start)
    {
        bool hadProgress = _stacks.TryGetValue(stack, out var saved);
        HoconValue? merged = null;
        try
        {
            for (int i = start; i < stack.Stack.Count; i++)
            {
                if (merged is not null and not HoconObject)
                {
                    break;
                }

                _stacks[stack] = new StackProgress(i, merged);
                var value = ResolveValue(stack.Stack[i]);
                if (value is null)
                {
                    continue;
                }

                merged = merged is null ? value : HoconMerge.Merge(value, merged);
            }
        }
        finally
        {
            if (hadProgress)
            {
                _stacks[stack] = saved;
            }
            else
            {
                _stacks.Remove(stack);
            }
        }

        return merged;
    }

    private HoconValue? ResolveSubstitution(HoconSubstitution subst)
    {
        int position = _chain.Count;
        _chain.Add(subst);
        try
        {
            var found = Lookup(subst.Path);
            if (!found.Exists && subst.FallbackPath is { } fallback)
            {
                found = Lookup(fallback);
            }

            if (found.Exists)
            {
                return found.Value;
            }

            if (_environment?.Invoke(string.Join('.', subst.WrittenPath)) is { } env)
            {
                return new HoconString(env, HoconOrigin.None($"env var {string.Join('.', subst.WrittenPath)}"));
            }

            if (subst.Optional)
            {
                return null;
            }

            throw new HoconException(subst.Origin, $"could not resolve substitution {subst}: no setting at '{HoconPath.Render(subst.WrittenPath)}'"
                + (_environment is null ? "" : " and no environment variable of that name"));
        }
        catch (CycleException cycle) when (subst.Optional)
        {
            // A cycle through an optional substitution means "undefined" (HOCON.md, self-references).
            _ = cycle;
            return null;
        }
        catch (CycleException cycle) when (cycle.ChainStart >= position)
        {
            // The cycle closes at this substitution: report it here, with every link.
            if (cycle.Links.Count <= 1)
            {
                throw new HoconException(subst.Origin, $"could not resolve substitution {subst}: it refers to itself (or to an object containing it) and there is no earlier value of '{HoconPath.Render(subst.WrittenPath)}' to look back to");
            }

            var links = cycle.Links.Select(s => $"{s} ({s.Origin})").Append(cycle.Links[0].ToString());
            throw new HoconException(subst.Origin, $"substitution cycle: {string.Join(" -> ", links)}");
        }
        finally
        {
            _chain.RemoveAt(_chain.Count - 1);
        }
    }

    private Found Lookup(string[] path) => LookupIn(_root, path, 0);

    private Found LookupIn(HoconValue node, string[] path, int index)
    {
        while (true)
        {
            if (node is HoconDelayedMerge stack && _stacks.TryGetValue(stack, out var progress))
            {
                // Inside an object being merged, look at what is already known before looking back.
                if (index < path.Length && stack.Stack[progress.Index] is HoconObject current)
                {
                    if (progress.Merged is HoconObject mergedSoFar && mergedSoFar.TryGetValue(path[index], out var known))
                    {
                        node = known;
                        index++;
                        continue;
                    }

                    if (current.TryGetValue(path[index], out var field))
                    {
                        node = field;
                        index++;
                        continue;
                    }
                }

                var below = ResolveStack(stack, progress.Index + 1);
                if (below is null)
                {
                    return Found.Missing;
                }

                node = below;
                continue;
            }

            if (index == path.Length)
            {
                var value = ResolveValue(node);
                return value is null ? Found.Missing : new Found(true, value);
            }

            if (node is not HoconObject obj)
            {
                var resolved = ResolveValue(node);
                if (resolved is not HoconObject resolvedObject)
                {
                    return Found.Missing;
                }

                obj = resolvedObject;
            }

            if (!obj.TryGetValue(path[index], out var child))
            {
                return Found.Missing;
            }

            node = child;
            index++;
        }
    }

    private readonly record struct StackProgress(int Index, HoconValue? Merged);

    private readonly record struct Found(bool Exists, HoconValue? Value)
    {
        public static Found Missing => default;
    }

    /// <summary>Unwinds to the substitution where a cycle started; <see cref="Links"/> is captured
    /// when it is thrown because the chain shrinks as the stack unwinds.</summary>
    private sealed class CycleException(int chainStart, IReadOnlyList<HoconSubstitution> links) : Exception("substitution cycle")
    {
        public int ChainStart { get; } = chainStart;

        public IReadOnlyList<HoconSubstitution> Links { get; } = links;
    }
}
