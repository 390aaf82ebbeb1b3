using System.Collections.Generic;
using System.Linq;

using Wamr.SourceGen.Model;

namespace Wamr.SourceGen.Emitting;

/// <summary>
/// Adds to every <c>WASM_DECLARE_VEC</c> vector (<c>wasm_X_vec_t</c> with <c>size</c> and <c>data</c>, and the
/// functions <c>wasm_X_vec_new</c>/<c>_delete</c>): a span view of its elements without copying, an indexer,
/// allocation-free enumeration, construction from a span or array (owning: the native side copies the
/// elements and the vector must be released), and <c>Dispose</c> that calls <c>wasm_X_vec_delete</c>.
/// </summary>
public static class VectorEmitter
{
    /// <summary>The vectors of <paramref name="types"/>: record, element C type, class of its functions.</summary>
    public static IEnumerable<(RecordDecl Record, CType Element, string Prefix)> Find(TypeTable types)
    {
        foreach (RecordDecl r in types.Model.Records)
        {
            if (r.IsOpaque || !r.Name.EndsWith("_vec_t", System.StringComparison.Ordinal))
            {
                continue;
            }

            FieldDecl? size = r.Fields.FirstOrDefault(f => f.Name == "size");
            FieldDecl? data = r.Fields.FirstOrDefault(f => f.Name == "data");
            string prefix = r.Name.Substring(0, r.Name.Length - "_t".Length);
            if (size is null || data?.Type is not CPointerType pointer
                || !types.IsFunction(prefix + "_new") || !types.IsFunction(prefix + "_delete"))
            {
                continue;
            }

            yield return (r, pointer.Pointee, prefix);
        }
    }

    /// <summary>Writes the helpers of one vector.</summary>
    public static void Emit(CodeWriter w, RecordDecl record, CType element, string prefix, TypeTable types, TypeMapper mapper, BindingOptions options)
    {
        string name = Identifiers.Escape(record.Name);
        string elementType = mapper.Map(element);
        bool pointers = elementType.EndsWith("*", System.StringComparison.Ordinal) || elementType.StartsWith("delegate*", System.StringComparison.Ordinal);
        FunctionDecl newFunction = types.Model.Functions.First(f => f.Name == prefix + "_new");
        string cls = options.ClassFor(newFunction.Location.File);
        string spanType = pointers ? "nint" : elementType;

        w.Doc($"<summary>Span view, indexer, enumeration and owning construction for <c>{record.Name}</c>.</summary>");
        using (w.Block($"public unsafe partial struct {name} : global::System.IDisposable"))
        {
            w.Doc("<summary>The number of elements (<c>size</c>) as an <see cref=\"int\"/>.</summary>");
            w.Line("public readonly int Length => checked((int)size);");
            w.Line();
            w.Doc(pointers
                ? "<summary>The elements as a span of pointer-sized integers, without copying (pointers cannot be span elements).</summary>"
                : "<summary>The elements, without copying. Empty when <c>data</c> is null.</summary>");
            w.Line($"public readonly global::System.Span<{spanType}> AsSpan() => data == null ? default : new global::System.Span<{spanType}>(data, checked((int)size));");
            w.Line();
            w.Doc("<summary>The element at <paramref name=\"index\"/>, checked against <c>size</c>.</summary>\n<param name=\"index\">A zero-based index.</param>");
            string access = pointers ? elementType : "ref " + elementType;
            using (w.Block($"public readonly {access} this[int index]"))
            {
                using (w.Block("get"))
                {
                    w.Line("if ((uint)index >= (ulong)size)");
                    w.Line("{");
                    w.Line($"    throw new global::System.ArgumentOutOfRangeException(nameof(index), index, \"{record.Name} has \" + size + \" elements.\");");
                    w.Line("}");
                    w.Line();
                    w.Line(pointers ? "return data[index];" : "return ref data[index];");
                }
            }

            w.Line();
            w.Doc("<summary>Enumerates the elements without allocating.</summary>\n<returns>The enumerator.</returns>");
            w.Line("public readonly Enumerator GetEnumerator() => new(data, size);");
            w.Line();
            string ptrParam = pointers ? $"{elementType}*" : $"{elementType}*";
            w.Doc($"<summary>A new vector owning a native copy of <paramref name=\"items\"/> (<c>{prefix}_new</c>); release it with <see cref=\"Dispose\"/>.</summary>\n<param name=\"items\">The elements.</param>\n<returns>The vector.</returns>");
            using (w.Block($"public static {name} Create(global::System.ReadOnlySpan<{spanType}> items)"))
            {
                w.Line($"{name} vector;");
                using (w.Block($"fixed ({spanType}* p = items)"))
                {
                    w.Line($"{cls}.{prefix}_new(&vector, (nuint)items.Length, ({ptrParam})p);");
                }

                w.Line("return vector;");
            }

            w.Line();
            if (pointers)
            {
                w.Doc($"<summary>A new vector owning a native copy of <paramref name=\"items\"/> (<c>{prefix}_new</c>); release it with <see cref=\"Dispose\"/>.</summary>\n<param name=\"items\">The elements.</param>\n<returns>The vector.</returns>");
                using (w.Block($"public static {name} Create(params {elementType}[] items)"))
                {
                    w.Line("global::System.ArgumentNullException.ThrowIfNull(items);");
                    w.Line($"{name} vector;");
                    using (w.Block($"fixed ({elementType}* p = items)"))
                    {
                        w.Line($"{cls}.{prefix}_new(&vector, (nuint)items.Length, p);");
                    }

                    w.Line("return vector;");
                }

                w.Line();
            }
            else
            {
                w.Doc($"<summary>A new vector owning a native copy of <paramref name=\"items\"/> (<c>{prefix}_new</c>); release it with <see cref=\"Dispose\"/>.</summary>\n<param name=\"items\">The elements.</param>\n<returns>The vector.</returns>");
                w.Line($"public static {name} Create(params {elementType}[] items) => Create(new global::System.ReadOnlySpan<{elementType}>(items ?? throw new global::System.ArgumentNullException(nameof(items))));");
                w.Line();
            }

            w.Doc($"<summary>Releases the vector and the elements it owns (<c>{prefix}_delete</c>); afterwards it is empty. Safe to call twice.</summary>");
            using (w.Block("public void Dispose()"))
            {
                w.Line("if (data == null)");
                w.Line("{");
                w.Line("    return;");
                w.Line("}");
                w.Line();
                using (w.Block($"fixed ({name}* self = &this)"))
                {
                    w.Line($"{cls}.{prefix}_delete(self);");
                }

                w.Line("data = null;");
                w.Line("size = 0;");
            }

            w.Line();
            w.Doc("<summary>Enumerates the elements of a vector.</summary>");
            using (w.Block("public ref struct Enumerator"))
            {
                w.Line($"private readonly {elementType}* _data;");
                w.Line("private readonly nuint _size;");
                w.Line("private nuint _index;");
                w.Line();
                w.Doc("<summary>Starts before the first of <paramref name=\"size\"/> elements at <paramref name=\"data\"/>.</summary>\n<param name=\"data\">The first element.</param>\n<param name=\"size\">The count.</param>");
                using (w.Block($"public Enumerator({elementType}* data, nuint size)"))
                {
                    w.Line("_data = data;");
                    w.Line("_size = data == null ? 0 : size;");
                    w.Line("_index = unchecked((nuint)(-1));");
                }

                w.Line();
                w.Doc("<summary>The current element.</summary>");
                w.Line(pointers ? $"public readonly {elementType} Current => _data[_index];" : $"public readonly ref {elementType} Current => ref _data[_index];");
                w.Line();
                w.Doc("<summary>Moves to the next element.</summary>\n<returns>Whether there is one.</returns>");
                w.Line("public bool MoveNext() => unchecked(++_index) < _size;");
            }
        }

        w.Line();
    }
}
