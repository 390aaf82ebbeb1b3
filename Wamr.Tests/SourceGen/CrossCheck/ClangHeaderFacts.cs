using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Wamr.Tests.SourceGen.CrossCheck;

/// <summary>
/// Facts about WAMR's headers as clang-14 sees them, independent of the source generator: clang's JSON AST dump of a
/// translation unit that includes <c>wasm_c_api.h</c> then <c>wasm_export.h</c> (which includes <c>lib_export.h</c>)
/// gives the declarations; <see cref="CLayoutProbe"/> (a C program compiled with the system compiler) gives every size,
/// alignment, offset and enum value. Gathered once per test run.
/// </summary>
public static partial class ClangHeaderFacts
{
    private static readonly Lazy<HeaderFacts> Cached = new(Gather);

    /// <summary>The facts, gathered on first use and cached for the test run.</summary>
    public static HeaderFacts Facts => Cached.Value;

    private static HeaderFacts Gather()
    {
        Stopwatch watch = Stopwatch.StartNew();
        string include = CrossCheckEnvironment.IncludeDirectory;
        string clang = CrossCheckEnvironment.Clang;
        string temp = CrossCheckEnvironment.CreateTempDirectory();
        try
        {
            File.WriteAllText(Path.Combine(temp, "tu.c"), "#include \"wasm_c_api.h\"\n#include \"wasm_export.h\"\n#include \"wamr_ext.h\"\n");
            string[] arguments = ["-x", "c", "-std=c11", "-Xclang", "-ast-dump=json", "-fsyntax-only", "-I", include, "tu.c"];
            (int exit, byte[] json, string stderr) = CrossCheckEnvironment.Run(clang, arguments, temp);
            if (exit != 0)
            {
                throw new InvalidOperationException(CrossCheckEnvironment.Describe(clang, arguments, exit, stderr));
            }

            Dictionary<string, string> headerPaths = CrossCheckEnvironment.HeaderNames.ToDictionary(
                name => Path.GetFullPath(Path.Combine(include, name)), name => name, StringComparer.Ordinal);
            AstReader reader = new(temp, headerPaths);
            using JsonDocument document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 10_000 });
            reader.Read(document.RootElement);
            return reader.Complete(include, watch);
        }
        finally
        {
            CrossCheckEnvironment.DeleteQuietly(temp);
        }
    }

    /// <summary>
    /// Extracts the return type from a function type as clang prints it (<c>RET (PARAMS)</c>).
    /// </summary>
    internal static string ReturnTypeOf(string functionType)
    {
        if (!functionType.EndsWith(')'))
        {
            throw new FormatException($"not a function type: {functionType}");
        }

        int depth = 0;
        for (int i = functionType.Length - 1; i >= 0; i--)
        {
            if (functionType[i] == ')')
            {
                depth++;
            }
            else if (functionType[i] == '(' && --depth == 0)
            {
                string result = functionType[..i].TrimEnd();
                if (result.Length == 0 || result.Contains('(') || result.Contains(')'))
                {
                    throw new NotSupportedException($"return type of '{functionType}' is not a plain type: extend ReturnTypeOf");
                }

                return result;
            }
        }

        throw new FormatException($"unbalanced function type: {functionType}");
    }

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex ArrayDimension();

    /// <summary>Walks clang's JSON dump in document order, tracking the current file, and keeps WAMR's declarations.</summary>
    private sealed class AstReader(string translationUnitDirectory, IReadOnlyDictionary<string, string> headerPaths)
    {
        // clang writes "file" only when it differs from the previously printed location, so the file a location is
        // in is the last "file" printed before it (not counting "includedFrom", which does not change the state).
        private string? currentFile;

        private readonly List<(JsonElement Node, string Header)> functionNodes = [];
        private readonly List<(JsonElement Node, string Header)> inlineNodes = [];
        private readonly List<RawRecord> records = [];
        private readonly Dictionary<string, RawRecord> recordsById = new(StringComparer.Ordinal);
        private readonly Dictionary<string, RawRecord> recordsByTag = new(StringComparer.Ordinal);
        private readonly List<(string Name, string Type, string Header, string? TargetId)> typedefs = [];
        private readonly List<(JsonElement Node, string Header)> enumNodes = [];

        public void Read(JsonElement translationUnit)
        {
            if (!translationUnit.TryGetProperty("inner", out JsonElement inner))
            {
                throw new InvalidOperationException("clang's AST dump has no declarations");
            }

            foreach (JsonElement node in inner.EnumerateArray())
            {
                string? file = TrackNode(node);
                if (file is null || IsImplicit(node))
                {
                    continue;
                }

                string? header = HeaderOf(file);
                if (header is not null)
                {
                    Collect(node, header);
                }
            }
        }

        private string? HeaderOf(string file)
        {
            string full = Path.GetFullPath(Path.Combine(translationUnitDirectory, file));
            return headerPaths.TryGetValue(full, out string? name) ? name : null;
        }

        /// <summary>Follows every location of a node and its subtree in order; returns the file of the node's own "loc".</summary>
        private string? TrackNode(JsonElement node)
        {
            string? locFile = null;
            foreach (JsonProperty property in node.EnumerateObject())
            {
                if (property.NameEquals("loc"))
                {
                    bool any = TrackLocation(property.Value);
                    locFile = any ? currentFile : null;
                }
                else if (property.NameEquals("inner"))
                {
                    foreach (JsonElement child in property.Value.EnumerateArray())
                    {
                        TrackNode(child);
                    }
                }
                else if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    TrackLocation(property.Value);
                }
            }

            return locFile;
        }

        /// <summary>Updates <see cref="currentFile"/> from a location object; returns whether it held a location at all.</summary>
        private bool TrackLocation(JsonElement element)
        {
            bool any = false;
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    if (property.NameEquals("includedFrom"))
                    {
                        continue;
                    }

                    if (property.NameEquals("file"))
                    {
                        currentFile = property.Value.GetString();
                        any = true;
                    }
                    else if (property.NameEquals("offset"))
                    {
                        any = true;
                    }
                    else if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        any |= TrackLocation(property.Value);
                    }
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in element.EnumerateArray())
                {
                    any |= TrackLocation(item);
                }
            }

            return any;
        }

        private void Collect(JsonElement node, string header)
        {
            switch (Kind(node))
            {
                case "FunctionDecl":
                    if (!Bool(node, "inline"))
                    {
                        functionNodes.Add((node, header));
                    }
                    else if (node.TryGetProperty("inner", out JsonElement body) && body.EnumerateArray().Any(c => Kind(c) == "CompoundStmt"))
                    {
                        inlineNodes.Add((node, header));
                    }

                    break;
                case "RecordDecl":
                    AddRecord(node, header);
                    break;
                case "TypedefDecl":
                    typedefs.Add((String(node, "name")!, QualType(node), header, TargetDeclId(node)));
                    break;
                case "EnumDecl":
                    enumNodes.Add((node, header));
                    break;
            }
        }

        private void AddRecord(JsonElement node, string header)
        {
            string id = String(node, "id")!;
            string? tag = String(node, "name");
            if (string.IsNullOrEmpty(tag))
            {
                tag = null;
            }

            string kind = String(node, "tagUsed") ?? throw new InvalidOperationException($"record {id} has no tagUsed");
            RawRecord? record = tag is not null && recordsByTag.TryGetValue(kind + " " + tag, out RawRecord? existing) ? existing : null;
            if (record is null)
            {
                record = new RawRecord(kind, tag, header);
                records.Add(record);
                if (tag is not null)
                {
                    recordsByTag[kind + " " + tag] = record;
                }
            }

            recordsById[id] = record;
            if (Bool(node, "completeDefinition"))
            {
                if (record.Definition is not null)
                {
                    throw new InvalidOperationException($"{kind} {tag} is defined twice");
                }

                record.Definition = node;
                record.Header = header;

                // In C a struct declared inside another has file scope: a named one is a record of its own.
                if (node.TryGetProperty("inner", out JsonElement inner))
                {
                    foreach (JsonElement child in inner.EnumerateArray())
                    {
                        if (Kind(child) == "RecordDecl" && !string.IsNullOrEmpty(String(child, "name")))
                        {
                            AddRecord(child, header);
                        }
                    }
                }
            }
        }

        /// <summary>The id of the record or enum a typedef names directly (not through a pointer), if any.</summary>
        private static string? TargetDeclId(JsonElement typedef)
        {
            JsonElement type = FirstInner(typedef);
            while (type.ValueKind == JsonValueKind.Object && Kind(type) == "ElaboratedType")
            {
                type = FirstInner(type);
            }

            if (type.ValueKind == JsonValueKind.Object
                && Kind(type) is "RecordType" or "EnumType"
                && type.TryGetProperty("decl", out JsonElement decl))
            {
                return String(decl, "id");
            }

            return null;
        }

        public HeaderFacts Complete(string include, Stopwatch watch)
        {
            // Name the records: the typedef that names the record directly (preferring one spelled like the tag), else the tag.
            Dictionary<RawRecord, List<string>> recordTypedefs = [];
            foreach ((string name, _, _, string? target) in typedefs)
            {
                if (target is not null && recordsById.TryGetValue(target, out RawRecord? record))
                {
                    if (!recordTypedefs.TryGetValue(record, out List<string>? names))
                    {
                        recordTypedefs[record] = names = [];
                    }

                    names.Add(name);
                }
            }

            List<(RawRecord Raw, string Name, string CName, List<string> Typedefs, List<CField> Fields)> named = [];
            foreach (RawRecord raw in records)
            {
                List<string> names = recordTypedefs.TryGetValue(raw, out List<string>? found) ? found : [];
                string? typedef = names.Contains(raw.Tag ?? string.Empty) ? raw.Tag : names.FirstOrDefault();
                if (typedef is null && raw.Tag is null)
                {
                    continue; // an anonymous record nobody can name (not in WAMR's headers)
                }

                string name = typedef ?? raw.Tag!;
                string cName = typedef ?? raw.Kind + " " + raw.Tag;
                List<CField> fields = raw.Definition is { } definition ? ReadFields(definition, string.Empty) : [];
                named.Add((raw, name, cName, names, fields));
            }

            List<(string Name, string ReturnType, bool Variadic, string Header, List<(string? Name, string Type)> Parameters)> functions = Signatures(functionNodes);
            List<(string Name, string ReturnType, bool Variadic, string Header, List<(string? Name, string Type)> Parameters)> inlineFunctions = Signatures(inlineNodes);

            Dictionary<string, string> enumTypedefs = new(StringComparer.Ordinal);
            foreach ((string name, _, _, string? target) in typedefs)
            {
                if (target is not null)
                {
                    enumTypedefs.TryAdd(target, name);
                }
            }

            List<CEnum> enums = [];
            foreach ((JsonElement node, string header) in enumNodes)
            {
                string? tag = String(node, "name");
                List<CEnumConstant> constants = [];
                long next = 0;
                if (node.TryGetProperty("inner", out JsonElement inner))
                {
                    foreach (JsonElement child in inner.EnumerateArray())
                    {
                        if (Kind(child) != "EnumConstantDecl")
                        {
                            continue;
                        }

                        long value = next;
                        if (child.TryGetProperty("inner", out JsonElement initializer))
                        {
                            JsonElement constant = initializer.EnumerateArray().First();
                            string text = String(constant, "value")
                                ?? throw new InvalidOperationException($"enum constant {String(child, "name")} has an initializer without a value");
                            value = long.Parse(text, CultureInfo.InvariantCulture);
                        }

                        constants.Add(new CEnumConstant(String(child, "name")!, value));
                        next = value + 1;
                    }
                }

                enums.Add(new CEnum(
                    string.IsNullOrEmpty(tag) ? null : tag,
                    enumTypedefs.GetValueOrDefault(String(node, "id")!),
                    header,
                    constants));
            }

            // Every size comes from the compiled probe.
            IEnumerable<string> types = functions.Concat(inlineFunctions)
                .SelectMany(f => f.Parameters.Select(p => p.Type).Append(f.ReturnType))
                .Where(t => t != "void");
            IReadOnlyDictionary<string, long> probe = CLayoutProbe.Run(
                include,
                named.Where(r => r.Raw.Definition is not null)
                    .Select(r => new CLayoutProbe.RecordRequest(r.CName, Flatten(r.Fields).Where(f => !f.IsBitField).Select(f => f.Path).ToList())),
                types,
                enums.SelectMany(e => e.Constants).Select(c => c.Name));

            List<CRecord> finalRecords = named
                .Select(r =>
                {
                    bool opaque = r.Raw.Definition is null;
                    return new CRecord(
                        r.Name,
                        r.CName,
                        r.Raw.Kind,
                        r.Raw.Tag,
                        r.Raw.Header,
                        r.Typedefs,
                        opaque,
                        opaque ? [] : WithLayout(r.CName, r.Fields, probe),
                        opaque ? -1 : Lookup(probe, CLayoutProbe.SizeOfKey(r.CName)),
                        opaque ? -1 : Lookup(probe, CLayoutProbe.AlignOfKey(r.CName)));
                })
                .ToList();

            List<CFunction> Final(List<(string Name, string ReturnType, bool Variadic, string Header, List<(string? Name, string Type)> Parameters)> list) => list
                .Select(f => new CFunction(
                    f.Name,
                    f.Header,
                    f.ReturnType,
                    SizeOf(probe, f.ReturnType),
                    f.Parameters.Select(p => new CParameter(p.Name, p.Type, SizeOf(probe, p.Type))).ToList(),
                    f.Variadic))
                .ToList();
            List<CFunction> finalFunctions = Final(functions);
            List<CFunction> finalInlineFunctions = Final(inlineFunctions);

            List<CTypedef> finalTypedefs = typedefs.Select(t => new CTypedef(t.Name, t.Type, t.Header)).ToList();

            CheckEnumValues(enums, probe);
            return new HeaderFacts(finalFunctions, finalRecords, enums, finalTypedefs, probe, watch.Elapsed, finalInlineFunctions);
        }

        private static void CheckEnumValues(IEnumerable<CEnum> enums, IReadOnlyDictionary<string, long> probe)
        {
            List<string> wrong = [];
            foreach (CEnumConstant constant in enums.SelectMany(e => e.Constants))
            {
                long compiled = Lookup(probe, CLayoutProbe.EnumKey(constant.Name));
                if (compiled != constant.Value)
                {
                    wrong.Add($"{constant.Name}: clang AST {constant.Value}, compiled {compiled}");
                }
            }

            if (wrong.Count > 0)
            {
                throw new InvalidOperationException("enum values from clang's AST disagree with the compiled probe:\n" + string.Join("\n", wrong));
            }
        }

        private static List<(string Name, string ReturnType, bool Variadic, string Header, List<(string? Name, string Type)> Parameters)> Signatures(
            List<(JsonElement Node, string Header)> nodes)
        {
            List<(string Name, string ReturnType, bool Variadic, string Header, List<(string? Name, string Type)> Parameters)> functions = [];
            HashSet<string> seen = new(StringComparer.Ordinal);
            foreach ((JsonElement node, string header) in nodes)
            {
                string name = String(node, "name")!;
                if (!seen.Add(name))
                {
                    continue; // a redeclaration: the first declaration says where the function is declared
                }

                List<(string?, string)> parameters = [];
                if (node.TryGetProperty("inner", out JsonElement inner))
                {
                    foreach (JsonElement child in inner.EnumerateArray())
                    {
                        if (Kind(child) == "ParmVarDecl")
                        {
                            parameters.Add((String(child, "name"), QualType(child)));
                        }
                    }
                }

                functions.Add((name, ReturnTypeOf(QualType(node)), Bool(node, "variadic"), header, parameters));
            }

            return functions;
        }

        private static int SizeOf(IReadOnlyDictionary<string, long> probe, string type)
        {
            return type == "void" ? 0 : Lookup(probe, CLayoutProbe.SizeOfKey(type));
        }

        private static int Lookup(IReadOnlyDictionary<string, long> probe, string key)
        {
            return probe.TryGetValue(key, out long value)
                ? checked((int)value)
                : throw new InvalidOperationException($"the layout probe printed no '{key}'");
        }

        private static List<CField> WithLayout(string cName, IEnumerable<CField> fields, IReadOnlyDictionary<string, long> probe)
        {
            return fields
                .Select(f => f with
                {
                    Offset = f.IsBitField ? -1 : Lookup(probe, CLayoutProbe.OffsetOfKey(cName, f.Path)),
                    Size = f.IsBitField ? -1 : Lookup(probe, CLayoutProbe.FieldSizeKey(cName, f.Path)),
                    NestedFields = WithLayout(cName, f.NestedFields, probe),
                })
                .ToList();
        }

        private static IEnumerable<CField> Flatten(IEnumerable<CField> fields)
        {
            foreach (CField field in fields)
            {
                yield return field;
                foreach (CField nested in Flatten(field.NestedFields))
                {
                    yield return nested;
                }
            }
        }

        /// <summary>The fields of a record definition; an anonymous struct/union's members are the field's nested fields.</summary>
        private static List<CField> ReadFields(JsonElement record, string prefix)
        {
            List<CField> fields = [];
            if (!record.TryGetProperty("inner", out JsonElement inner))
            {
                return fields;
            }

            JsonElement? lastAnonymous = null;
            foreach (JsonElement child in inner.EnumerateArray())
            {
                string? kind = Kind(child);
                if (kind == "RecordDecl")
                {
                    if (string.IsNullOrEmpty(String(child, "name")))
                    {
                        lastAnonymous = child;
                    }

                    continue;
                }

                if (kind != "FieldDecl")
                {
                    continue;
                }

                string type = QualType(child);
                string? name = String(child, "name");
                bool anonymousType = type.Contains("(unnamed ", StringComparison.Ordinal) || type.Contains("(anonymous ", StringComparison.Ordinal);
                JsonElement? nestedRecord = null;
                if (anonymousType)
                {
                    nestedRecord = lastAnonymous ?? throw new InvalidOperationException($"field {prefix}{name} has an anonymous type but no record precedes it");
                }

                if (string.IsNullOrEmpty(name))
                {
                    // A C11 anonymous member: its fields are members of the enclosing record.
                    if (nestedRecord is { } members)
                    {
                        fields.AddRange(ReadFields(members, prefix));
                    }

                    continue;
                }

                string path = prefix + name;
                int? length = null;
                MatchCollection dimensions = ArrayDimension().Matches(type);
                if (dimensions.Count > 0 && type.EndsWith(']'))
                {
                    length = dimensions.Aggregate(1, (product, match) => product * int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
                }

                fields.Add(new CField(
                    name,
                    path,
                    type,
                    length,
                    Bool(child, "isBitfield"),
                    nestedRecord is { } nested ? String(nested, "tagUsed") : null,
                    nestedRecord is { } body ? ReadFields(body, path + ".") : [],
                    -1,
                    -1));
            }

            return fields;
        }

        private static string? Kind(JsonElement node)
        {
            return String(node, "kind");
        }

        private static bool IsImplicit(JsonElement node)
        {
            return Bool(node, "isImplicit");
        }

        private static string? String(JsonElement node, string property)
        {
            return node.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }

        private static bool Bool(JsonElement node, string property)
        {
            return node.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.True;
        }

        private static string QualType(JsonElement node)
        {
            return node.TryGetProperty("type", out JsonElement type) && String(type, "qualType") is { } text
                ? text
                : throw new InvalidOperationException($"{Kind(node)} {String(node, "name")} has no type");
        }

        private static JsonElement FirstInner(JsonElement node)
        {
            return node.TryGetProperty("inner", out JsonElement inner) && inner.GetArrayLength() > 0 ? inner[0] : default;
        }
    }

    private sealed class RawRecord(string kind, string? tag, string header)
    {
        public string Kind { get; } = kind;

        public string? Tag { get; } = tag;

        public string Header { get; set; } = header;

        public JsonElement? Definition { get; set; }
    }
}
