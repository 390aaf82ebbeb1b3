using System.Collections.Generic;
using System.Globalization;
using System.Linq;

using Wamr.SourceGen.Diagnostics;
using Wamr.SourceGen.Model;
using Wamr.SourceGen.Preprocessing;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Emitting;

/// <summary>
/// Emits one static class (e.g. <c>WasmCApi</c>) with what its headers declare at file scope: functions,
/// enum members and <c>static const</c> objects as constants, macros that alias a function as methods,
/// and macros that are integer constants as constants — all under their C names.
/// </summary>
public static class ClassEmitter
{
    /// <summary>Writes the class <paramref name="className"/>.</summary>
    public static void Emit(
        CodeWriter w,
        string className,
        IReadOnlyList<string> headerFiles,
        TypeTable types,
        TypeMapper mapper,
        BindingOptions options,
        string exportsHelper,
        IEnumerable<TranslatedHelper> helpers)
    {
        bool InThisClass(SourceLocation location) => options.ClassFor(location.File) == className;
        HashSet<string>? exports = options.ExportedSymbols is { } symbols ? new HashSet<string>(symbols) : null;
        var members = new HashSet<string>();

        string headers = string.Join(", ", headerFiles.Select(h => "<c>" + Identifiers.Xml(System.IO.Path.GetFileName(h)) + "</c>"));
        w.Doc($"<summary>\nThe functions, enum members, constants and function aliases of {headers}, under their C names.\n</summary>\n<remarks>Use it as C code does: <c>using static {options.Namespace}.{className};</c></remarks>");
        using (w.Block($"public static unsafe partial class {className}"))
        {
            w.Doc("<summary>The native library every function of this class is bound to.</summary>");
            w.Line($"public const string LibraryName = \"{options.LibraryName}\";");
            w.Line();

            foreach (FunctionDecl f in types.Model.Functions.Where(f => !f.IsInline && InThisClass(f.Location)))
            {
                if (!members.Add(f.Name))
                {
                    continue;
                }

                bool exported = exports is null || exports.Contains(f.Name);
                FunctionEmitter.Emit(w, f, mapper, options, exported, exportsHelper);
            }

            foreach (EnumDecl e in types.Model.Enums.Where(e => InThisClass(e.Location)))
            {
                EnumBinding? binding = types.BindingOfEnum(e.Name);
                string type = binding is null ? "int" : Identifiers.Escape(binding.CSharpName);
                foreach (EnumMember m in e.Members)
                {
                    if (!members.Add(m.Name))
                    {
                        continue;
                    }

                    w.Doc(DocComments.Summary(m.Doc, $"<c>{m.Name}</c> = {m.Value.ToString(CultureInfo.InvariantCulture)}{(binding is null ? string.Empty : $", of <see cref=\"{Identifiers.Escape(binding.CSharpName)}\"/>")}."));
                    string value = binding is null ? m.Value.ToString(CultureInfo.InvariantCulture) : $"{type}.{Identifiers.Escape(m.Name)}";
                    w.Line($"public const {type} {Identifiers.Escape(m.Name)} = {value};");
                    w.Line();
                }
            }

            foreach (ConstantDecl c in types.Model.Constants.Where(c => InThisClass(c.Location)))
            {
                if (!members.Add(c.Name))
                {
                    continue;
                }

                string type = mapper.Map(c.Type);
                string declaration = CTypePrinter.Declare(c.Type, c.Name);
                string header = System.IO.Path.GetFileName(c.Location.File);
                w.Doc(DocComments.Summary(
                    c.Doc,
                    $"The constant <c>{c.Name}</c> of <c>{Identifiers.Xml(header)}</c>.",
                    $"<c>static {Identifiers.Xml(declaration.StartsWith("const ", System.StringComparison.Ordinal) ? declaration : "const " + declaration)} = {Identifiers.Xml(c.Value)};</c> — <c>{Identifiers.Xml(header)}</c> line {c.Location.Line.ToString(CultureInfo.InvariantCulture)}."));
                w.Line($"public const {type} {Identifiers.Escape(c.Name)} = {ConstantLiteral(c.Value, type)};");
                w.Line();
            }

            EmitMacros(w, types, mapper, options, members, exports, InThisClass);

            foreach (TranslatedHelper helper in helpers)
            {
                if (!members.Add(helper.Name))
                {
                    continue;
                }

                foreach (string line in helper.Lines)
                {
                    w.Line(line);
                }

                w.Line();
            }
        }
    }

    private static void EmitMacros(
        CodeWriter w,
        TypeTable types,
        TypeMapper mapper,
        BindingOptions options,
        HashSet<string> members,
        HashSet<string>? exports,
        System.Func<SourceLocation, bool> inThisClass)
    {
        var functions = types.Model.Functions.Where(f => !f.IsInline).GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.First());
        foreach (MacroDefinition macro in types.Model.Macros.Where(m => inThisClass(m.Location)))
        {
            if (macro.IsFunctionLike || macro.BodyTokens.Count == 0 || members.Contains(macro.Name) || types.IsFunction(macro.Name))
            {
                continue;
            }

            // #define wasm_name_delete wasm_byte_vec_delete  →  a method of that name forwarding to the function.
            if (macro.BodyTokens.Count == 1 && functions.TryGetValue(macro.BodyTokens[0], out FunctionDecl? target))
            {
                members.Add(macro.Name);
                EmitAlias(w, macro, target, mapper, options, exports);
                continue;
            }

            // #define NAME <integer constant expression>  →  a constant.
            ConstantValue? value = MacroConstants.Evaluate(macro, types, options.PointerSize);
            if (value is { } v)
            {
                members.Add(macro.Name);
                string type = MacroConstants.CSharpType(v);
                w.Doc(DocComments.Summary(macro.Doc, $"<c>#define {macro.Name} {Identifiers.Xml(macro.Body)}</c>"));
                w.Line($"public const {type} {Identifiers.Escape(macro.Name)} = {v};");
                w.Line();
            }
        }
    }

    private static void EmitAlias(CodeWriter w, MacroDefinition macro, FunctionDecl target, TypeMapper mapper, BindingOptions options, HashSet<string>? exports)
    {
        List<(string Type, string Name)> parameters = FunctionEmitter.Parameters(target, mapper);
        string returnType = mapper.Map(target.ReturnType);
        string targetClass = options.ClassFor(target.Location.File);
        w.Doc($"<summary>\n<c>#define {macro.Name} {target.Name}</c>: the same function as <see cref=\"{targetClass}.{Identifiers.Escape(target.Name)}\"/>.\n</summary>"
            + string.Concat(parameters.Select(p => $"\n<param name=\"{p.Name.TrimStart('@')}\">The C parameter <c>{p.Name.TrimStart('@')}</c>.</param>")));
        if (exports is not null && !exports.Contains(target.Name))
        {
            w.Line($"[global::System.Obsolete(\"{target.Name} (aliased by {macro.Name}) is not exported by the {options.LibraryName} library: {MissingExportHints.For(target.Name)}\", DiagnosticId = \"{FunctionEmitter.MissingExportDiagnosticId}\")]");
        }

        string args = string.Join(", ", parameters.Select(p => p.Name));
        w.Line($"public static {returnType} {Identifiers.Escape(macro.Name)}({string.Join(", ", parameters.Select(p => p.Type + " " + p.Name))}) => {targetClass}.{Identifiers.Escape(target.Name)}({args});");
        w.Line();
    }

    private static string ConstantLiteral(string value, string type)
    {
        if (type is "float")
        {
            return value + "f";
        }

        return value.StartsWith("-", System.StringComparison.Ordinal) && type is "byte" or "ushort" or "uint" or "ulong" or "nuint"
            ? $"unchecked(({type}){value})"
            : value;
    }
}
