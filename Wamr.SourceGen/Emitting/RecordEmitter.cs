using System.Globalization;

using Wamr.SourceGen.Model;

namespace Wamr.SourceGen.Emitting;

/// <summary>
/// Emits structs and unions with exactly C's layout (sequential structs; unions with every field at offset 0),
/// opaque structs as empty structs used through pointers, and typedefs of pointers as one-field structs.
/// </summary>
public static class RecordEmitter
{
    /// <summary>Writes <paramref name="record"/>.</summary>
    public static void Emit(CodeWriter w, RecordDecl record, TypeTable types, TypeMapper mapper)
    {
        string name = Identifiers.Escape(record.Name);
        if (record.IsOpaque)
        {
            w.Doc(DocComments.Summary(record.Doc, $"The opaque C type <c>{Identifiers.Xml(Kind(record))} {record.Name}</c>, used only through pointers."));
            w.Line($"public partial struct {name}");
            w.Line("{");
            w.Line("}");
            w.Line();
            return;
        }

        bool union = record.Kind == TagKind.Union;
        w.Doc(DocComments.Summary(record.Doc, $"The C {(union ? "union" : "struct")} <c>{record.Name}</c>, with its C layout."));
        w.Line(union
            ? "[global::System.Runtime.InteropServices.StructLayout(global::System.Runtime.InteropServices.LayoutKind.Explicit)]"
            : "[global::System.Runtime.InteropServices.StructLayout(global::System.Runtime.InteropServices.LayoutKind.Sequential)]");
        using (w.Block($"public unsafe partial struct {name}"))
        {
            int anonymous = 0;
            bool first = true;
            foreach (FieldDecl field in record.Fields)
            {
                if (!first)
                {
                    w.Line();
                }

                first = false;
                string fieldName = field.Name is null ? "_anonymous" + anonymous++.ToString(CultureInfo.InvariantCulture) : Identifiers.Escape(field.Name);
                w.Doc(DocComments.Summary(field.Doc, $"<c>{Identifiers.Xml(CTypePrinter.Declare(field.Type, field.Name))}</c>"));
                if (union)
                {
                    w.Line("[global::System.Runtime.InteropServices.FieldOffset(0)]");
                }

                if (types.Resolve(field.Type) is CArrayType array && array.Length is long length)
                {
                    string element = mapper.Map(array.Element);
                    if (PrimitiveTypes.IsFixedBufferElement(element))
                    {
                        w.Line($"public fixed {element} {fieldName}[{length.ToString(CultureInfo.InvariantCulture)}];");
                    }
                    else
                    {
                        // Pointers and structs cannot be fixed-buffer elements: an inline array of the same size.
                        w.Line($"public {name}_{field.Name}_Buffer {fieldName};");
                        w.Line();
                        w.Doc($"<summary>Storage for the {length} elements of <see cref=\"{fieldName}\"/>.</summary>");
                        w.Line($"[global::System.Runtime.CompilerServices.InlineArray({length.ToString(CultureInfo.InvariantCulture)})]");
                        using (w.Block($"public partial struct {name}_{field.Name}_Buffer"))
                        {
                            string storage = element.EndsWith("*", System.StringComparison.Ordinal) ? "nint" : element;
                            w.Line($"private {storage} _element0;");
                        }
                    }
                }
                else
                {
                    w.Line($"public {mapper.Map(field.Type)} {fieldName};");
                }
            }
        }

        w.Line();
    }

    /// <summary>Writes the one-field struct that stands for a typedef of a pointer (<c>typedef struct X* x_t;</c>).</summary>
    public static void EmitPointerTypedef(CodeWriter w, TypedefDecl typedef, TypeMapper mapper)
    {
        string name = Identifiers.Escape(typedef.Name);
        string pointer = mapper.Map(typedef.Type);
        w.Doc(DocComments.Summary(
            typedef.Doc,
            $"The C type <c>{Identifiers.Xml(CTypePrinter.Declare(typedef.Type, typedef.Name))}</c>: a pointer, wrapped so that C's <c>{typedef.Name}*</c> reads the same in C#.",
            "Converts implicitly to and from the pointer it holds."));
        w.Line("[global::System.Runtime.InteropServices.StructLayout(global::System.Runtime.InteropServices.LayoutKind.Sequential)]");
        using (w.Block($"public unsafe partial struct {name} : global::System.IEquatable<{name}>"))
        {
            w.Doc("<summary>The pointer.</summary>");
            w.Line($"public {pointer} Value;");
            w.Line();
            w.Doc("<summary>Wraps <paramref name=\"value\"/>.</summary>\n<param name=\"value\">The pointer.</param>");
            w.Line($"public {name}({pointer} value) => Value = value;");
            w.Line();
            w.Doc("<summary>Whether the pointer is null.</summary>");
            w.Line("public readonly bool IsNull => Value == null;");
            w.Line();
            w.Doc("<summary>The pointer held.</summary>\n<param name=\"value\">The wrapper.</param>");
            w.Line($"public static implicit operator {pointer}({name} value) => value.Value;");
            w.Line();
            w.Doc("<summary>Wraps a pointer.</summary>\n<param name=\"value\">The pointer.</param>");
            w.Line($"public static implicit operator {name}({pointer} value) => new(value);");
            w.Line();
            w.Doc("<summary>Whether both hold the same pointer.</summary>\n<param name=\"left\">One.</param>\n<param name=\"right\">The other.</param>");
            w.Line($"public static bool operator ==({name} left, {name} right) => left.Value == right.Value;");
            w.Line();
            w.Doc("<summary>Whether they hold different pointers.</summary>\n<param name=\"left\">One.</param>\n<param name=\"right\">The other.</param>");
            w.Line($"public static bool operator !=({name} left, {name} right) => left.Value != right.Value;");
            w.Line();
            w.Doc("<inheritdoc/>");
            w.Line($"public readonly bool Equals({name} other) => Value == other.Value;");
            w.Line();
            w.Doc("<inheritdoc/>");
            w.Line($"public override readonly bool Equals(object? obj) => obj is {name} other && Equals(other);");
            w.Line();
            w.Doc("<inheritdoc/>");
            w.Line("public override readonly int GetHashCode() => ((nint)Value).GetHashCode();");
            w.Line();
            w.Doc("<inheritdoc/>");
            w.Line("public override readonly string ToString() => \"0x\" + ((nint)Value).ToString(\"x\");");
        }

        w.Line();
    }

    private static string Kind(RecordDecl r) => r.Kind == TagKind.Union ? "union" : "struct";
}
