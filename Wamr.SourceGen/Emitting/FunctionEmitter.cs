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
/// the function and what provides it, unless the library loaded at run time does export it.
/// </summary>
public static class FunctionEmitter
{
    /// <summary>The diagnostic id of the [Obsolete] on functions the library does not export.</summary>
    public const string MissingExportDiagnosticId = "WAMR001";

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

        w.Doc(DocComments.Summary(f.Doc, $"Binds <c>{f.Name}</c>.", remarks) + ParamDocs(parameters));
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
            string call = $"(({pointerType}){exportsHelper}.Get(ref {slot}, \"{f.Name}\", \"{Escape(header)}\", \"{Escape(hint)}\"))({string.Join(", ", parameters.Select(p => p.Name))})";
            w.Line(returnType == "void" ? call + ";" : "return " + call + ";");
        }

        w.Line();
        w.Line($"private static nint {slot};");
        w.Line();
    }

    /// <summary>The C# parameters: unnamed ones become <c>arg0</c>, <c>arg1</c>…; arrays become pointers.</summary>
    public static List<(string Type, string Name)> Parameters(FunctionDecl f, TypeMapper mapper)
    {
        var list = new List<(string Type, string Name)>();
        var used = new HashSet<string>();
        for (int i = 0; i < f.Parameters.Count; i++)
        {
            CParameter p = f.Parameters[i];
            string name = p.Name is null || used.Contains(p.Name) ? "arg" + i.ToString(CultureInfo.InvariantCulture) : Identifiers.Escape(p.Name);
            used.Add(p.Name ?? name);
            list.Add((mapper.Map(p.Type), name));
        }

        return list;
    }

    private static string ParamDocs(List<(string Type, string Name)> parameters) =>
        string.Concat(parameters.Select(p => $"\n<param name=\"{p.Name.TrimStart('@')}\">The C parameter <c>{p.Name.TrimStart('@')}</c>.</param>"));

    private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
