using System;
using System.Collections.Generic;

namespace Wamr;

/// <summary>
/// Imports by name: define externs under <c>module::name</c>, then instantiate modules; the linker builds the positional
/// import vector WAMR needs from each module's <see cref="Module.Imports"/>.
/// </summary>
/// <remarks>Every import is checked before WAMR runs: missing and mistyped ones are all listed in one
/// <see cref="LinkException"/>. A linker holds externs, which belong to a store: use it with that store.</remarks>
public sealed class Linker
{
    private readonly Dictionary<(string Module, string Name), Extern> _definitions = new();

    /// <summary>Whether defining a name twice replaces the first definition (default false: it throws).</summary>
    public bool AllowShadowing { get; set; }

    /// <summary>The definitions, as <c>module::name</c> and extern.</summary>
    public IEnumerable<KeyValuePair<(string Module, string Name), Extern>> Definitions => _definitions;

    /// <summary>Defines <paramref name="item"/> as <c>module::name</c>.</summary>
    /// <returns>This linker.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The name is defined already and <see cref="AllowShadowing"/> is false.</exception>
    public Linker Define(string module, string name, Extern item)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(item);
        if (!AllowShadowing && _definitions.ContainsKey((module, name)))
        {
            throw new ArgumentException($"{module}::{name} is defined already.", nameof(name));
        }

        _definitions[(module, name)] = item;
        return this;
    }

    /// <summary>Defines every export of <paramref name="instance"/> under <paramref name="module"/>.</summary>
    /// <returns>This linker.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public Linker DefineInstance(string module, Instance instance)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(instance);
        foreach (Extern export in instance.Exports)
        {
            Define(module, export.Name!, export);
        }

        return this;
    }

    /// <summary>The extern defined as <c>module::name</c>, or null.</summary>
    public Extern? Get(string module, string name)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(name);
        return _definitions.TryGetValue((module, name), out Extern? item) ? item : null;
    }

    /// <summary>Instantiates <paramref name="module"/> with the definitions its imports name.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="module"/> is null.</exception>
    /// <exception cref="LinkException">An import is not defined or has the wrong type (all are listed).</exception>
    /// <exception cref="ArgumentException">A definition or the module belongs to another store.</exception>
    /// <exception cref="WasmException">WAMR failed to instantiate the module.</exception>
    public Instance Instantiate(Store store, Module module, InstanceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(module);
        IReadOnlyList<ImportType> imports = module.Imports;
        var items = new Extern?[imports.Count];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = Get(imports[i].Module, imports[i].Name);
        }

        return new Instance(store, module, items, options);
    }
}
