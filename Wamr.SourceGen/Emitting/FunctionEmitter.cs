using System.Collections.Generic;
using System.Globalization;
using System.Linq;

using Wamr.SourceGen.Model;

namespace Wamr.SourceGen.Emitting;

/// <summary>
/// Emits a C function as what LibraryImportGenerator emits for a blittable signature: a <c>DllImport</c>
/// with <c>ExactSpelling</c> and Cdecl (runtime marshalling is disabled for the assembly, so nothing is
/// marshalled). A function the built library does not export is still emitted, marked <c>[Obsolete]</c>
/// with the reason, and bound lazily: calling it throws an <c>EntryPointNotFoundException</c> that names
/// the function and what provides it, unless the library loaded at run time does export it. A function with
/// guarded parameters (<see cref="BindingOptions.Guards"/>) becomes a public method that throws
/// <c>ArgumentNullException</c> when one of them is null and otherwise calls the private <c>DllImport</c>
/// named <c>&lt;function&gt;__unchecked</c> (or the lazily bound address): one compare per guarded parameter.
/// </summary>
public static class FunctionEmitter
{
    /// <summary>The diagnostic id of the [Obsolete] on functions the library does not export.</summary>
    public const string MissingExportDiagnosticId = "WAMR001";

    /// <summary>The suffix of the private DllImport behind a guarded function.</summary>
    public const string UncheckedSuffix = "__unchecked";

    /// <summary>The name of the internal class whose method throws for a guarded null argument.</summary>
    public const string GuardHelper = "WamrArgumentGuard";

    /// <summary>Writes <paramref name="f"/> into a class; <paramref name="exported"/> false marks it missing.</summary>
    public static void Emit(CodeWriter w, FunctionDecl f, TypeMapper mapper, BindingOptions options, bool exported, string exportsHelper)
    {
        string returnType = mapper.Map(f.ReturnType);
        List<(string Type, string Name)> parameters = Parameters(f, mapper);
        string parameterList = string.Join(", ", parameters.Select(p => p.Type + " " + p.Name));
        string header = System.IO.Path.GetFileName(f.Location.File);
        string remarks = $"<c>{Identifiers.Xml(CTypePrinter.Prototype(f))}</c> — <c>{Identifiers.Xml(header)}</c> line {f.Location.Line.ToString(CultureInfo.InvariantCulture)}.";
        if (f.IsVariadic)
        {
            remarks += " The C function is variadic; this binding passes only the fixed parameters (C varargs cannot be called portably from .NET).";
        }

        List<string> guarded = GuardedParameters(f, mapper, options);
        string guardDocs = string.Empty;
        if (guarded.Count > 0)
        {
            var references = guarded.Select(g => $"<paramref name=\"{g}\"/>").ToList();
            remarks += $" {string.Join(" and ", references)} must not be null: the native function dereferences {(guarded.Count == 1 ? "it" : "them")} without a check (measured; see the guard list), so this binding throws instead of letting the process crash.";
            guardDocs = $"\n<exception cref=\"global::System.ArgumentNullException\">{string.Join(" or ", references)} is null.</exception>";
        }

        w.Doc(DocComments.Summary(f.Doc, $"Binds <c>{f.Name}</c>.", remarks) + ParamDocs(parameters) + guardDocs);
        string arguments = string.Join(", ", parameters.Select(p => p.Name));
        if (exported && guarded.Count > 0)
        {
            string target = Identifiers.Escape(f.Name + UncheckedSuffix);
            using (w.Block($"public static {returnType} {Identifiers.Escape(f.Name)}({parameterList})"))
            {
                EmitChecks(w, f, guarded);
                string call = $"{target}({arguments})";
                w.Line(returnType == "void" ? call + ";" : "return " + call + ";");
            }

            w.Line();
            w.Doc($"<summary>The unchecked native <c>{f.Name}</c>, behind <see cref=\"{Identifiers.Escape(f.Name)}\"/>.</summary>");
            w.Line($"[global::System.Runtime.InteropServices.DllImport(LibraryName, EntryPoint = \"{f.Name}\", ExactSpelling = true, CallingConvention = global::System.Runtime.InteropServices.CallingConvention.Cdecl)]");
            w.Line($"private static extern {returnType} {target}({parameterList});");
            w.Line();
            return;
        }

        if (exported)
        {
            w.Line($"[global::System.Runtime.InteropServices.DllImport(LibraryName, EntryPoint = \"{f.Name}\", ExactSpelling = true, CallingConvention = global::System.Runtime.InteropServices.CallingConvention.Cdecl)]");
            w.Line($"public static extern {returnType} {Identifiers.Escape(f.Name)}({parameterList});");
            w.Line();
            return;
        }

        string hint = MissingExportHints.For(f.Name);
        string message = $"{f.Name} is declared in {header} but not exported by the {options.LibraryName} library these bindings were generated for: {hint}";
        w.Line($"[global::System.Obsolete(\"{Escape(message)}\", DiagnosticId = \"{MissingExportDiagnosticId}\")]");
        string slot = "s_" + f.Name;
        string pointerType = "delegate* unmanaged[Cdecl]<" + string.Join(", ", parameters.Select(p => p.Type).Concat(new[] { returnType })) + ">";
        using (w.Block($"public static {returnType} {Identifiers.Escape(f.Name)}({parameterList})"))
        {
            EmitChecks(w, f, guarded);
            string call = $"(({pointerType}){exportsHelper}.Get(ref {slot}, \"{f.Name}\", \"{Escape(header)}\", \"{Escape(hint)}\"))({arguments})";
            w.Line(returnType == "void" ? call + ";" : "return " + call + ";");
        }

        w.Line();
        w.Line($"private static nint {slot};");
        w.Line();
    }

    /// <summary>
    /// The parameters of <paramref name="f"/> its guard names that exist and are pointers, in parameter order
    /// (<see cref="BindingEmitter"/> reports the others).
    /// </summary>
    public static List<string> GuardedParameters(FunctionDecl f, TypeMapper mapper, BindingOptions options)
    {
        var result = new List<string>();
        if (options.GuardFor(f.Name) is not { } guard)
        {
            return result;
        }

        List<string> names = ParameterNames(f);
        for (int i = 0; i < names.Count; i++)
        {
            if (guard.Parameters.Contains(names[i]) && IsNullable(mapper.Map(f.Parameters[i].Type)))
            {
                result.Add(names[i]);
            }
        }

        return result;
    }

    /// <summary>Whether a C# parameter type can be compared with <c>null</c> (a data or function pointer).</summary>
    public static bool IsNullable(string csharpType) => csharpType.EndsWith("*", System.StringComparison.Ordinal) || csharpType.StartsWith("delegate*", System.StringComparison.Ordinal);

    private static void EmitChecks(CodeWriter w, FunctionDecl f, List<string> guarded)
    {
        foreach (string name in guarded)
        {
            w.Line($"if ({Identifiers.Escape(name)} == null)");
            w.Line("{");
            w.Line($"    {GuardHelper}.ThrowNull(\"{f.Name}\", \"{name}\");");
            w.Line("}");
            w.Line();
        }
    }

    /// <summary>The C# parameters: unnamed ones become <c>arg0</c>, <c>arg1</c>…; arrays become pointers.</summary>
    public static List<(string Type, string Name)> Parameters(FunctionDecl f, TypeMapper mapper)
    {
        List<string> names = ParameterNames(f);
        var list = new List<(string Type, string Name)>();
        for (int i = 0; i < f.Parameters.Count; i++)
        {
            list.Add((mapper.Map(f.Parameters[i].Type), Identifiers.Escape(names[i])));
        }

        return list;
    }

    /// <summary>
    /// The parameter names of the binding, unescaped (<c>out</c>, not <c>@out</c>): the C name, or <c>argN</c> for
    /// an unnamed or repeated one. These are the names <c>ArgumentNullException.ParamName</c> and guard lists use.
    /// </summary>
    public static List<string> ParameterNames(FunctionDecl f)
    {
        var names = new List<string>();
        var used = new HashSet<string>();
        for (int i = 0; i < f.Parameters.Count; i++)
        {
            CParameter p = f.Parameters[i];
            string name = p.Name is null || used.Contains(p.Name) ? "arg" + i.ToString(CultureInfo.InvariantCulture) : p.Name;
            used.Add(p.Name ?? name);
            names.Add(name);
        }

        return names;
    }

    private static string ParamDocs(List<(string Type, string Name)> parameters) =>
        string.Concat(parameters.Select(p => $"\n<param name=\"{p.Name.TrimStart('@')}\">The C parameter <c>{p.Name.TrimStart('@')}</c>.</param>"));

    private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
