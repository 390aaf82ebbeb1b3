using System;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr;

/// <summary>One import a module needs (<c>wasm_importtype_t</c>): module name, item name and type.</summary>
public sealed class ImportType : IEquatable<ImportType>
{
    /// <summary>An import description.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ImportType(string module, string name, ExternType type)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(type);
        Module = module;
        Name = name;
        Type = type;
    }

    /// <summary>The module name, e.g. <c>env</c>.</summary>
    public string Module { get; }

    /// <summary>The item name within the module.</summary>
    public string Name { get; }

    /// <summary>The type the import must have.</summary>
    public ExternType Type { get; }

    /// <summary><c>module::name</c>, as error messages name imports.</summary>
    public string QualifiedName => Module + "::" + Name;

    /// <inheritdoc/>
    public bool Equals(ImportType? other) => other is not null && other.Module == Module && other.Name == Name && other.Type == Type;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ImportType);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Module, Name, Type);

    /// <summary>As in the text format: <c>(import "env" "f" (func (param i32)))</c>.</summary>
    public override string ToString() => $"(import {NativeText.Quote(Module)} {NativeText.Quote(Name)} {Type})";

    internal static unsafe ImportType FromNative(wasm_importtype_t* import) =>
        new(NativeText.Read(wasm_importtype_module(import)), NativeText.Read(wasm_importtype_name(import)),
            ExternType.FromNative(wasm_importtype_type(import)));
}
