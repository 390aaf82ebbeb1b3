using System.Collections.Generic;

using Wamr.SourceGen.Model;

namespace Wamr.SourceGen.Emitting;

/// <summary>
/// Emits <c>global using</c> aliases so that C's typedef names stay usable in C# code of the compilation:
/// typedefs of records under another name (<c>wasm_name_t</c> → <c>wasm_byte_vec_t</c>), of primitives
/// (<c>wasm_byte_t</c> → <c>byte</c>), of function pointers (<c>wasm_func_callback_t</c>), and of typedefs of pointers.
/// Consumers of a package get the same aliases from its props (see README).
/// </summary>
public static class AliasEmitter
{
    /// <summary>The aliases as (name, C# target with global:: qualification, needs unsafe).</summary>
    public static List<(string Name, string Target, bool Unsafe)> Find(TypeTable types, TypeMapper mapper, BindingOptions options, ISet<string> typeNames)
    {
        var aliases = new List<(string, string, bool)>();
        var seen = new HashSet<string>();
        foreach (TypedefDecl t in types.Model.Typedefs)
        {
            if (typeNames.Contains(t.Name) || !seen.Add(t.Name) || types.BindingOfTypedef(t.Name) is not null || mapper.IsPointerTypedef(t.Name))
            {
                continue;
            }

            string target = mapper.Map(new CTypedefRef(t.Name));
            if (target == "void" || target == t.Name)
            {
                continue;
            }

            bool isUnsafe = target.Contains("*");
            aliases.Add((t.Name, Qualify(target, typeNames, options.Namespace), isUnsafe));
        }

        return aliases;
    }

    private static string Qualify(string csharp, ISet<string> typeNames, string ns)
    {
        // Qualify every generated type name inside the target (also inside function pointer type lists).
        var sb = new System.Text.StringBuilder();
        int i = 0;
        while (i < csharp.Length)
        {
            if (char.IsLetter(csharp[i]) || csharp[i] == '_' || csharp[i] == '@')
            {
                int start = i;
                while (i < csharp.Length && (char.IsLetterOrDigit(csharp[i]) || csharp[i] == '_' || csharp[i] == '@' || csharp[i] == '.' || csharp[i] == ':'))
                {
                    i++;
                }

                string word = csharp.Substring(start, i - start);
                sb.Append(typeNames.Contains(word.TrimStart('@')) ? "global::" + ns + "." + word : word);
            }
            else
            {
                sb.Append(csharp[i++]);
            }
        }

        return sb.ToString();
    }
}
