using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SourceModel.Cli.Infrastructure;

/// <summary>
/// Reads a YAML (or JSON, which YAML includes) file into nodes that remember their line, so every error can say
/// file, line, key and what was expected. Unknown keys are errors, not silently ignored.
/// </summary>
internal sealed class YamlDocument
{
    private YamlDocument(string path, YamlMappingNode root)
    {
        Path = path;
        _rootNode = root;
        Root = new YamlMap(this, root, "", []);
    }

    /// <summary>The file the document came from.</summary>
    public string Path { get; }

    private readonly YamlMappingNode _rootNode = null!;
    private readonly List<(IReadOnlyList<object> Where, string Value)> _defaults = [];

    /// <summary>Records that <paramref name="where"/> (keys and list indices from the root) was absent and
    /// <paramref name="value"/> was used in its place.</summary>
    internal void DefaultUsed(IReadOnlyList<object> where, string value) => _defaults.Add((where, value));

    /// <summary>The document with every default that was used written in: what the run actually did, as YAML.</summary>
    public string Resolved()
    {
        var copy = (YamlMappingNode)Clone(_rootNode);
        foreach (var (where, value) in _defaults)
        {
            YamlNode node = copy;
            for (int k = 0; k < where.Count; k++)
            {
                bool last = k == where.Count - 1;
                if (where[k] is int index) { node = ((YamlSequenceNode)node).Children[index]; continue; }
                var map = (YamlMappingNode)node;
                var key = new YamlScalarNode((string)where[k]);
                if (!map.Children.TryGetValue(key, out var child))
                {
                    child = last ? new YamlScalarNode(value) : new YamlMappingNode();
                    map.Children.Add(key, child);
                }
                node = child;
            }
        }
        var stream = new YamlStream(new YamlDotNet.RepresentationModel.YamlDocument(copy));
        using var w = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        stream.Save(w, assignAnchors: false);
        return w.ToString().Replace("\n...\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>A canonical text of a node (keys sorted, no comments or layout), for content hashes.</summary>
    public static string Canonical(YamlNode? node) => node switch
    {
        null => "~",
        YamlScalarNode s => "\"" + (s.Value ?? "").Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
        YamlSequenceNode q => "[" + string.Join(",", q.Children.Select(Canonical)) + "]",
        YamlMappingNode m => "{" + string.Join(",", m.Children.OrderBy(kv => (kv.Key as YamlScalarNode)?.Value, StringComparer.Ordinal)
            .Select(kv => Canonical(kv.Key) + ":" + Canonical(kv.Value))) + "}",
        _ => node.ToString(),
    };

    private static YamlNode Clone(YamlNode n) => n switch
    {
        YamlScalarNode s => new YamlScalarNode(s.Value) { Style = s.Style },
        YamlSequenceNode q => new YamlSequenceNode(q.Children.Select(Clone)),
        YamlMappingNode m => new YamlMappingNode(m.Children.Select(kv => new KeyValuePair<YamlNode, YamlNode>(Clone(kv.Key), Clone(kv.Value)))),
        _ => n,
    };

    /// <summary>The top-level mapping.</summary>
    public YamlMap Root { get; }

    public static YamlDocument Load(string path)
    {
        string text = InputFile.ReadConfig(path);
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new UserError($"{path}:{e.Start.Line}: not valid YAML/JSON: {e.InnerException?.Message ?? e.Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed plain scalars (unbalanced flow collections, found by
            // the fuzz tests) instead of raising a YamlException with a position.
            throw new UserError($"{path}: not valid YAML/JSON: a flow collection ([…] or {{…}}) or a plain value is malformed; check brackets and colons.");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            throw new UserError($"{path}: expected a mapping of keys at the top level.");
        return new YamlDocument(path, map);
    }

    internal UserError Error(YamlNode node, string keyPath, string message) =>
        new($"{Path}:{node.Start.Line}: {keyPath}: {message}");
}

/// <summary>A mapping node: typed access to its keys with line-numbered errors.</summary>
internal sealed class YamlMap
{
    private readonly YamlDocument _doc;
    private readonly YamlMappingNode _node;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<object> _where;

    internal YamlMap(YamlDocument doc, YamlMappingNode node, string path, IReadOnlyList<object> where)
    {
        _doc = doc;
        _node = node;
        KeyPath = path;
        _where = where;
    }

    /// <summary>The mapping's node (for canonical hashing of a section).</summary>
    public YamlMappingNode Node => _node;

    /// <summary>The document this mapping belongs to.</summary>
    public YamlDocument Document => _doc;

    private void Default(string key, string value) => _doc.DefaultUsed([.. _where, key], value);

    private static string Invariant(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Dotted path of this mapping from the document root ("" for the root).</summary>
    public string KeyPath { get; }

    private string Child(string key) => KeyPath.Length == 0 ? key : $"{KeyPath}.{key}";

    private YamlNode? Find(string key)
    {
        _read.Add(key);
        return _node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;
    }

    public bool Has(string key) => _node.Children.ContainsKey(new YamlScalarNode(key));

    /// <summary>A required number.</summary>
    public double Number(string key)
    {
        var v = Find(key) ?? throw _doc.Error(_node, Child(key), "missing; a number is required.");
        return ParseNumber(v, Child(key));
    }

    /// <summary>An optional number with its default.</summary>
    public double Number(string key, double fallback)
    {
        var v = Find(key);
        if (v is null) { Default(key, Invariant(fallback)); return fallback; }
        return ParseNumber(v, Child(key));
    }

    /// <summary>An optional string with its default.</summary>
    public string Text(string key, string fallback)
    {
        var v = Find(key);
        if (v is null)
        {
            if (fallback.Length > 0) Default(key, fallback);
            return fallback;
        }
        if (v is YamlScalarNode s && s.Value is not null) return s.Value;
        throw _doc.Error(v, Child(key), "expected a text value.");
    }

    /// <summary>An optional whole number with its default.</summary>
    public int Integer(string key, int fallback)
    {
        var v = Find(key);
        if (v is null) { Default(key, fallback.ToString(System.Globalization.CultureInfo.InvariantCulture)); return fallback; }
        double d = ParseNumber(v, Child(key));
        if (d != Math.Floor(d) || Math.Abs(d) > int.MaxValue) throw _doc.Error(v, Child(key), $"expected a whole number, got {d}.");
        return (int)d;
    }

    /// <summary>An optional true/false with its default.</summary>
    public bool Flag(string key, bool fallback)
    {
        var v = Find(key);
        if (v is null) { Default(key, fallback ? "true" : "false"); return fallback; }
        if (v is YamlScalarNode { Value: { } t } && bool.TryParse(t, out bool b)) return b;
        throw _doc.Error(v, Child(key), "expected true or false.");
    }

    /// <summary>An optional list of exactly <paramref name="count"/> numbers, written as a YAML list or "a, b, c".</summary>
    public double[]? NumberList(string key, int count)
    {
        var v = Find(key);
        if (v is null) return null;
        double[]? values = v switch
        {
            YamlSequenceNode seq when seq.Children.Count == count =>
                seq.Children.Select((c, i) => ParseNumber(c, $"{Child(key)}[{i}]")).ToArray(),
            YamlScalarNode { Value: { } t } => NumberFormat.TryParseList(t, count),
            _ => null,
        };
        return values ?? throw _doc.Error(v, Child(key), $"expected a list of {count} numbers.");
    }

    /// <summary>An optional list of any number of numbers (YAML list or "a, b, c").</summary>
    public double[]? Numbers(string key)
    {
        var v = Find(key);
        if (v is null) return null;
        if (v is YamlSequenceNode seq) return seq.Children.Select((c, i) => ParseNumber(c, $"{Child(key)}[{i}]")).ToArray();
        if (v is YamlScalarNode { Value: { } t })
        {
            var parts = t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var values = new double[parts.Length];
            for (int i = 0; i < parts.Length; i++)
                if (!NumberFormat.TryParse(parts[i], out values[i]) || !double.IsFinite(values[i]))
                    throw _doc.Error(v, Child(key), $"'{parts[i]}' is not a number.");
            return values;
        }
        throw _doc.Error(v, Child(key), "expected a list of numbers.");
    }

    /// <summary>The keys present in this mapping, in file order (each is marked as read).</summary>
    public IReadOnlyList<string> Keys()
    {
        var keys = _node.Children.Keys.Select(k => (k as YamlScalarNode)?.Value ?? "?").ToArray();
        foreach (var k in keys) _read.Add(k);
        return keys;
    }

    /// <summary>A required scalar's text and whether it is a whole number (for keys that take a column number or a name).</summary>
    public (string Text, int? Number) NameOrNumber(string key)
    {
        var v = Find(key) ?? throw _doc.Error(_node, Child(key), "missing.");
        if (v is not YamlScalarNode { Value: { } t }) throw _doc.Error(v, Child(key), "expected a column number or a header name.");
        return (t, int.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : null);
    }

    /// <summary>The value of a key that must be one of a fixed set of names; null when the key is absent.</summary>
    public T? Choice<T>(string key, IEnumerable<(string Name, T Value)> table) where T : struct
    {
        string text = Text(key, "");
        if (text.Length == 0) return null;
        var entries = table.ToList();
        foreach (var (name, value) in entries)
            if (name == text) return value;
        throw ErrorAt(key, $"'{text}': expected one of {string.Join(", ", entries.Select(t => t.Name))}.");
    }

    /// <summary>An error about one key of this mapping, at the key's line.</summary>
    public UserError ErrorAt(string key, string message)
    {
        var v = Find(key);
        return _doc.Error(v ?? _node, Child(key), message);
    }

    /// <summary>The folder of the document (relative paths in it are resolved from there).</summary>
    public string Folder => Path.GetDirectoryName(Path.GetFullPath(_doc.Path)) ?? ".";

    /// <summary>An optional mapping.</summary>
    public YamlMap? Map(string key)
    {
        var v = Find(key);
        if (v is null) return null;
        if (v is YamlMappingNode m) return new YamlMap(_doc, m, Child(key), [.. _where, key]);
        throw _doc.Error(v, Child(key), "expected a mapping of keys.");
    }

    /// <summary>A mapping, or an empty one standing in for it when absent (so the defaults read from it are recorded
    /// at their place in the resolved configuration).</summary>
    public YamlMap MapOrEmpty(string key) => Map(key) ?? new YamlMap(_doc, new YamlMappingNode(), Child(key), [.. _where, key]);

    /// <summary>Records the default used for an absent key that a caller resolves itself (e.g. a choice of words).</summary>
    public void RecordDefault(string key, string value)
    {
        if (!Has(key)) Default(key, value);
    }

    /// <summary>An optional list of mappings (empty when absent).</summary>
    public IReadOnlyList<YamlMap> List(string key)
    {
        var v = Find(key);
        if (v is null) return [];
        if (v is not YamlSequenceNode seq) throw _doc.Error(v, Child(key), "expected a list.");
        var items = new List<YamlMap>();
        for (int i = 0; i < seq.Children.Count; i++)
        {
            if (seq.Children[i] is not YamlMappingNode m)
                throw _doc.Error(seq.Children[i], $"{Child(key)}[{i}]", "expected a mapping of keys.");
            items.Add(new YamlMap(_doc, m, $"{Child(key)}[{i}]", [.. _where, key, i]));
        }
        return items;
    }

    /// <summary>Fails on any key that was never asked for (a typo would otherwise be silently ignored).</summary>
    public void RejectUnknownKeys()
    {
        foreach (var (k, v) in _node.Children)
        {
            string name = (k as YamlScalarNode)?.Value ?? "?";
            if (!_read.Contains(name))
                throw _doc.Error(k, Child(name), $"unknown key; expected one of: {string.Join(", ", _read.Order())}.");
        }
    }

    /// <summary>Wraps an exception from the model layer as an error at this mapping's line.</summary>
    public UserError ErrorHere(string message) => _doc.Error(_node, KeyPath, message);

    private double ParseNumber(YamlNode v, string keyPath)
    {
        if (v is YamlScalarNode s && NumberFormat.TryParse(s.Value, out double d))
        {
            if (!double.IsFinite(d)) throw _doc.Error(v, keyPath, $"'{s.Value}' is not a finite number.");
            return d;
        }
        throw _doc.Error(v, keyPath, $"expected a number, got '{(v as YamlScalarNode)?.Value ?? v.NodeType.ToString()}'.");
    }
}
