using System;
using System.Collections.Generic;

namespace Wamr.SourceGen.Preprocessing;

/// <summary>Finds the header an <c>#include</c> names among the headers given to the generator.</summary>
internal sealed class IncludeResolver
{
    private readonly List<(string Path, HeaderFile File)> _headers = new();
    private readonly Dictionary<string, HeaderFile> _byPath = new(StringComparer.Ordinal);

    public IncludeResolver(IReadOnlyList<HeaderFile> headers)
    {
        foreach (HeaderFile header in headers)
        {
            string path = Normalize(header.Path);
            _headers.Add((path, header));
            if (!_byPath.ContainsKey(path))
            {
                _byPath.Add(path, header);
            }
        }
    }

    /// <summary>
    /// The header <paramref name="name"/> names when included from <paramref name="includer"/> (null for a
    /// main file): relative to the includer's folder, then as a path, then as a path suffix, then by file name.
    /// </summary>
    public HeaderFile? Resolve(string name, string? includer)
    {
        string n = Normalize(name);
        if (n.Length == 0)
        {
            return null;
        }

        if (includer is not null)
        {
            string folder = Folder(Normalize(includer));
            if (folder.Length > 0 && _byPath.TryGetValue(Normalize(folder + "/" + n), out HeaderFile? relative))
            {
                return relative;
            }
        }

        if (_byPath.TryGetValue(n, out HeaderFile? exact))
        {
            return exact;
        }

        string suffix = "/" + n;
        foreach ((string path, HeaderFile file) in _headers)
        {
            if (path.EndsWith(suffix, StringComparison.Ordinal))
            {
                return file;
            }
        }

        foreach ((string path, HeaderFile file) in _headers)
        {
            if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                || string.Equals(path, n, StringComparison.OrdinalIgnoreCase))
            {
                return file;
            }
        }

        string fileName = FileName(n);
        foreach ((string path, HeaderFile file) in _headers)
        {
            if (string.Equals(FileName(path), fileName, StringComparison.OrdinalIgnoreCase))
            {
                return file;
            }
        }

        return null;
    }

    /// <summary>A path with <c>/</c> separators and no <c>.</c> or <c>..</c> segments that can be removed.</summary>
    public static string Normalize(string path)
    {
        string p = path.Replace('\\', '/');
        bool rooted = p.StartsWith("/", StringComparison.Ordinal);
        var segments = new List<string>();
        foreach (string segment in p.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[segments.Count - 1] != "..")
            {
                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        string joined = string.Join("/", segments);
        return rooted ? "/" + joined : joined;
    }

    private static string Folder(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path.Substring(0, slash);
    }

    private static string FileName(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? path : path.Substring(slash + 1);
    }
}
