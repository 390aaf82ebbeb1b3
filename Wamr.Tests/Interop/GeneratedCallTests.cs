using System;
using System.Linq;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop;

/// <summary>The generated bindings in Wamr.Runtime call the shipped libiwasm through the resolver.</summary>
[TestClass]
public sealed unsafe class GeneratedCallTests
{
    [TestMethod]
    public void EngineAndStoreThroughGeneratedBindings()
    {
        wasm_engine_t* engine = wasm_engine_new();
        Assert.IsTrue(engine != null);
        wasm_store_t* store = wasm_store_new(engine);
        Assert.IsTrue(store != null);
        wasm_store_delete(store);
        wasm_engine_delete(engine);
        Assert.IsTrue(WamrNativeLibrary.IsLoaded);
        StringAssert.EndsWith(WamrNativeLibrary.LoadedFrom!, WamrNativeLibrary.FileName);
    }

    // WAMR allocates every C API object with the runtime's allocator, which exists only while an engine does:
    // without one, wasm_byte_vec_new leaves an empty vector. Each test below keeps an engine alive.
    private wasm_engine_t* _engine;

    [TestInitialize]
    public void CreateEngine() => _engine = wasm_engine_new();

    [TestCleanup]
    public void DeleteEngine() => wasm_engine_delete(_engine);

    [TestMethod]
    public void VectorHelpersRoundTripThroughNativeCopies()
    {
        using wasm_byte_vec_t bytes = wasm_byte_vec_t.Create(new byte[] { 1, 2, 3 });
        Assert.AreEqual(3, bytes.Length);
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, bytes.AsSpan().ToArray());
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => _ = bytes[3]);

        wasm_valtype_vec_t types = wasm_valtype_vec_t.Create(wasm_valtype_new(WASM_I32), wasm_valtype_new(WASM_F64));
        var kinds = new System.Collections.Generic.List<wasm_valkind_t>();
        foreach (wasm_valtype_t* t in types)
        {
            kinds.Add(wasm_valtype_kind(t));
        }

        CollectionAssert.AreEqual(new[] { WASM_I32, WASM_F64 }, kinds);
        types.Dispose();
        Assert.AreEqual(0, types.Length);
        types.Dispose();
    }

    [TestMethod]
    public void MacroAliasCallsTheAliasedFunction()
    {
        wasm_name_t name;
        fixed (byte* text = "hello"u8)
        {
            wasm_name_new(&name, 5, text);
        }

        Assert.AreEqual("hello", System.Text.Encoding.UTF8.GetString(name.AsSpan()));
        wasm_name_delete(&name);
    }

    [TestMethod]
    public void DeclaredButNotExportedFunctionThrowsAClearException()
    {
#pragma warning disable WAMR001 // calling it is the point of the test
        EntryPointNotFoundException e = Assert.ThrowsExactly<EntryPointNotFoundException>(() => wasm_trap_copy(null));
#pragma warning restore WAMR001
        StringAssert.Contains(e.Message, "wasm_trap_copy");
        StringAssert.Contains(e.Message, "wasm_c_api.h");
        StringAssert.Contains(e.Message, "does not implement it");
    }

    [TestMethod]
    public void ConsumerAliasesMatchTheGeneratedOnes()
    {
        // The package's props give consumers the same typedef aliases the generator emits inside Wamr.Runtime.
        var (_, _, driver) = Wamr.Tests.SourceGen.Generator.GeneratorHarness.Run(
            Wamr.Tests.SourceGen.Generator.GeneratorHarness.Driver(Wamr.Tests.SourceGen.Generator.GeneratorHarness.WamrInputs()),
            Wamr.Tests.SourceGen.Generator.GeneratorHarness.Compilation());
        string generated = Wamr.Tests.SourceGen.Generator.GeneratorHarness.Generated(driver, "Wamr.Interop.Aliases.g.cs");
        string props = System.IO.File.ReadAllText(System.IO.Path.Combine(Wamr.Tests.SourceGen.RepoPaths.Root, "Wamr.Runtime", "buildTransitive", "Wamr.Runtime.props"));
        var expected = new System.Collections.Generic.SortedSet<string>();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(generated, @"^global using (\w+) = ", System.Text.RegularExpressions.RegexOptions.Multiline))
        {
            expected.Add(m.Groups[1].Value);
        }

        var actual = new System.Collections.Generic.SortedSet<string>();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(props, "Alias=\"(\\w+)\""))
        {
            actual.Add(m.Groups[1].Value);
        }

        Assert.IsGreaterThan(5, expected.Count);
        CollectionAssert.AreEqual(expected.ToList(), actual.ToList());
    }
}
