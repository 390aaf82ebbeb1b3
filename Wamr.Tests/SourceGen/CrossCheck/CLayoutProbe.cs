using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Wamr.Tests.SourceGen.CrossCheck;

/// <summary>
/// Generates a C program that includes WAMR's headers and prints, one fact a line, the size and alignment of every
/// record, the offset and size of every field (nested paths included), the size of every type a function takes or
/// returns and the value of every enum constant; compiles it with the system C compiler, runs it and parses its output.
/// The lines are <c>sizeof T = N</c>, <c>alignof T = N</c>, <c>offsetof T.path = N</c>, <c>fieldsize T.path = N</c>
/// and <c>enum NAME = N</c>.
/// </summary>
public static class CLayoutProbe
{
    /// <summary>A complete record to measure: how C names it and the member designators of its fields.</summary>
    public sealed record RecordRequest(string CName, IReadOnlyList<string> FieldPaths);

    public static string SizeOfKey(string type) => "sizeof " + type;

    public static string AlignOfKey(string type) => "alignof " + type;

    public static string OffsetOfKey(string record, string path) => "offsetof " + record + "." + path;

    public static string FieldSizeKey(string record, string path) => "fieldsize " + record + "." + path;

    public static string EnumKey(string name) => "enum " + name;

    /// <summary>The C source of the probe.</summary>
    public static string Generate(IEnumerable<RecordRequest> records, IEnumerable<string> types, IEnumerable<string> enumConstants)
    {
        StringBuilder c = new();
        c.AppendLine("#include <stdio.h>");
        c.AppendLine("#include <stddef.h>");
        c.AppendLine("#include \"wasm_c_api.h\"");
        c.AppendLine("#include \"wasm_export.h\"");
        c.AppendLine();
        c.AppendLine("int main(void)");
        c.AppendLine("{");
        HashSet<string> printed = new(StringComparer.Ordinal);
        void Size(string key, string expression)
        {
            if (printed.Add(key))
            {
                c.Append("    printf(\"%s = %zu\\n\", ").Append(Literal(key)).Append(", (size_t)(").Append(expression).AppendLine("));");
            }
        }

        foreach (RecordRequest record in records)
        {
            Size(SizeOfKey(record.CName), $"sizeof({record.CName})");
            Size(AlignOfKey(record.CName), $"_Alignof({record.CName})");
            foreach (string path in record.FieldPaths)
            {
                Size(OffsetOfKey(record.CName, path), $"offsetof({record.CName}, {path})");
                Size(FieldSizeKey(record.CName, path), $"sizeof(((({record.CName} *)0)->{path}))");
            }
        }

        foreach (string type in types)
        {
            Size(SizeOfKey(type), $"sizeof({type})");
        }

        foreach (string name in enumConstants)
        {
            if (printed.Add(EnumKey(name)))
            {
                c.Append("    printf(\"%s = %lld\\n\", ").Append(Literal(EnumKey(name))).Append(", (long long)(").Append(name).AppendLine("));");
            }
        }

        c.AppendLine("    return 0;");
        c.AppendLine("}");
        return c.ToString();
    }

    /// <summary>Generates, compiles and runs the probe; returns its facts by key.</summary>
    public static IReadOnlyDictionary<string, long> Run(
        string includeDirectory, IEnumerable<RecordRequest> records, IEnumerable<string> types, IEnumerable<string> enumConstants)
    {
        string compiler = CrossCheckEnvironment.CCompiler;
        string temp = CrossCheckEnvironment.CreateTempDirectory();
        try
        {
            string source = Generate(records, types, enumConstants);
            File.WriteAllText(Path.Combine(temp, "probe.c"), source);
            string[] compile = ["-std=gnu11", "-O0", "-I", includeDirectory, "-o", "probe", "probe.c"];
            (int exit, _, string stderr) = CrossCheckEnvironment.Run(compiler, compile, temp);
            if (exit != 0)
            {
                throw new InvalidOperationException(CrossCheckEnvironment.Describe(compiler, compile, exit, stderr) + "\n--- probe.c ---\n" + source);
            }

            string probe = Path.Combine(temp, "probe");
            (exit, byte[] stdout, stderr) = CrossCheckEnvironment.Run(probe, [], temp);
            if (exit != 0)
            {
                throw new InvalidOperationException(CrossCheckEnvironment.Describe(probe, [], exit, stderr));
            }

            return Parse(Encoding.UTF8.GetString(stdout));
        }
        finally
        {
            CrossCheckEnvironment.DeleteQuietly(temp);
        }
    }

    /// <summary>Parses the probe's output (<c>key = N</c> a line; the key may contain spaces).</summary>
    public static IReadOnlyDictionary<string, long> Parse(string output)
    {
        Dictionary<string, long> facts = new(StringComparer.Ordinal);
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            int separator = line.LastIndexOf(" = ", StringComparison.Ordinal);
            if (separator <= 0)
            {
                throw new FormatException($"unexpected probe line: '{line}'");
            }

            string key = line[..separator];
            long value = long.Parse(line[(separator + 3)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            if (!facts.TryAdd(key, value))
            {
                throw new FormatException($"the probe printed '{key}' twice");
            }
        }

        return facts;
    }

    private static string Literal(string text)
    {
        return "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }
}
