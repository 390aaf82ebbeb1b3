using System.Globalization;

using Wamr.SourceGen.Model;

namespace Wamr.SourceGen.Emitting;

/// <summary>
/// Emits C enums as C# enums named after the typedef C code uses (<c>wasm_valkind_t</c>), so that fields,
/// parameters and results carry the enum type; their members are also constants of the header's class
/// (see <see cref="ClassEmitter"/>), usable unqualified through <c>using static</c>.
/// </summary>
public static class EnumEmitter
{
    /// <summary>Writes the C# enum for <paramref name="binding"/>.</summary>
    public static void Emit(CodeWriter w, EnumBinding binding)
    {
        EnumDecl e = binding.Enum;
        string what = binding.Typedef is not null && binding.Typedef != e.Name && !e.IsAnonymous
            ? $"The values of <c>enum {e.Name}</c>, typed as C code types them: <c>{binding.Typedef}</c>."
            : $"The C enum <c>{binding.CSharpName}</c>.";
        w.Doc(DocComments.Summary(e.Doc, what));
        using (w.Block($"public enum {Identifiers.Escape(binding.CSharpName)} : {binding.Underlying}"))
        {
            foreach (EnumMember m in e.Members)
            {
                w.Doc(DocComments.Summary(m.Doc, $"<c>{m.Name}</c> = {m.Value.ToString(CultureInfo.InvariantCulture)}"));
                w.Line($"{Identifiers.Escape(m.Name)} = {Literal(m.Value, binding.Underlying)},");
            }
        }

        w.Line();
    }

    /// <summary>A C# literal of <paramref name="value"/> for the underlying type (wrapped as C would when it does not fit).</summary>
    public static string Literal(long value, string underlying) =>
        Fits(value, underlying)
            ? value.ToString(CultureInfo.InvariantCulture)
            : $"unchecked(({underlying}){value.ToString(CultureInfo.InvariantCulture)})";

    /// <summary>Whether <paramref name="value"/> is in the range of the C# integer type <paramref name="underlying"/>.</summary>
    public static bool Fits(long value, string underlying) => underlying switch
    {
        "byte" => value is >= byte.MinValue and <= byte.MaxValue,
        "sbyte" => value is >= sbyte.MinValue and <= sbyte.MaxValue,
        "short" => value is >= short.MinValue and <= short.MaxValue,
        "ushort" => value is >= ushort.MinValue and <= ushort.MaxValue,
        "int" => value is >= int.MinValue and <= int.MaxValue,
        "uint" => value is >= uint.MinValue and <= uint.MaxValue,
        "ulong" or "nuint" => value >= 0,
        _ => true,
    };
}
