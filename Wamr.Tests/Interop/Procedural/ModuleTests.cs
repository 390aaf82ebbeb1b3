using System.Collections.Generic;
using System.Text;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary>
/// <c>wasm_module_t</c>: compile, validate, imports, exports, serialize/deserialize, and sharing a module
/// between stores (<c>wasm_module_share</c>, <c>wasm_module_obtain</c>, <c>wasm_shared_module_delete</c>).
/// </summary>
/// <remarks>
/// WAMR 1.1.2 counts the owners of a module: its store, every store that obtained it and every shared handle.
/// <c>wasm_module_delete</c> does nothing (the store releases its modules when it is deleted).
/// </remarks>
[TestClass]
public sealed unsafe class ModuleTests : ProceduralTest
{
    // Not a module: the magic is right, the version is 2.
    private static readonly byte[] s_badVersion = [0x00, 0x61, 0x73, 0x6D, 0x02, 0x00, 0x00, 0x00];

    private static string Name(wasm_name_t* name) => Encoding.UTF8.GetString(name->AsSpan());

    [TestMethod]
    [Covers("wasm_module_new", CoverageKind.Positive)]
    public void NewCompilesAModule()
    {
        using wasm_byte_vec_t binary = wasm_byte_vec_t.Create(ModuleBytes("module"));
        wasm_module_t* module = wasm_module_new(Store, &binary);

        Assert.IsTrue(module != null);
        wasm_exporttype_vec_t exports = default;
        wasm_module_exports(module, &exports);
        Assert.AreEqual(4, exports.Length);
        exports.Dispose();
    }

    [TestMethod]
    [Covers("wasm_module_new", CoverageKind.Negative)]
    public void NewRefusesNullsAndInvalidBinaries()
    {
        // Each refusal logs two lines to stdout (WAMR's LOG_ERROR).
        using wasm_byte_vec_t binary = wasm_byte_vec_t.Create(ModuleBytes("module"));
        Assert.IsTrue(wasm_module_new(null, &binary) == null);
        Assert.IsTrue(wasm_module_new(Store, null) == null);

        wasm_byte_vec_t empty = default;
        Assert.IsTrue(wasm_module_new(Store, &empty) == null);

        using wasm_byte_vec_t bad = wasm_byte_vec_t.Create(s_badVersion);
        Assert.IsTrue(wasm_module_new(Store, &bad) == null);

        // A size without data: WAMR checks the pointer before it reads.
        wasm_byte_vec_t noData = default;
        noData.size = 8;
        noData.num_elems = 8;
        noData.size_of_elem = 1;
        Assert.IsTrue(wasm_module_new(Store, &noData) == null);
    }

    [TestMethod]
    [Covers("wasm_module_validate", CoverageKind.Positive)]
    public void ValidateAcceptsAValidModule()
    {
        foreach (string name in new[] { "module", "func", "table", "memory_import" })
        {
            using wasm_byte_vec_t binary = wasm_byte_vec_t.Create(ModuleBytes(name));
            Assert.IsTrue(wasm_module_validate(Store, &binary), name);
        }
    }

    [TestMethod]
    [Covers("wasm_module_validate", CoverageKind.Negative)]
    public void ValidateRefusesNullsAndInvalidBinaries()
    {
        using wasm_byte_vec_t binary = wasm_byte_vec_t.Create(ModuleBytes("module"));
        Assert.IsFalse(wasm_module_validate(null, &binary));
        Assert.IsFalse(wasm_module_validate(Store, null));

        wasm_byte_vec_t empty = default;
        Assert.IsFalse(wasm_module_validate(Store, &empty));

        using wasm_byte_vec_t bad = wasm_byte_vec_t.Create(s_badVersion);
        Assert.IsFalse(wasm_module_validate(Store, &bad));

        byte[] truncated = ModuleBytes("module")[..^3];
        using wasm_byte_vec_t cut = wasm_byte_vec_t.Create(truncated);
        Assert.IsFalse(wasm_module_validate(Store, &cut));
    }

    [TestMethod]
    [Covers("wasm_module_imports", CoverageKind.Positive)]
    public void ImportsListModuleNameNameAndKind()
    {
        wasm_module_t* module = LoadModule("module");
        wasm_importtype_vec_t imports = default;
        wasm_module_imports(module, &imports);

        var found = new List<string>();
        foreach (wasm_importtype_t* import in imports)
        {
            found.Add($"{Name(wasm_importtype_module(import))}.{Name(wasm_importtype_name(import))}:{wasm_externtype_kind(wasm_importtype_type(import))}");
        }

        CollectionAssert.AreEqual(new[] { "env.log:WASM_EXTERN_FUNC", "env.base:WASM_EXTERN_GLOBAL" }, found);
        imports.Dispose();
    }

    [TestMethod]
    [Covers("wasm_module_imports", CoverageKind.Negative)]
    public void ImportsOfNullLeaveTheOutputAloneAndANullOutputIsIgnored()
    {
        wasm_importtype_vec_t untouched = default;
        untouched.size = 5;
        wasm_module_imports(null, &untouched);
        Assert.AreEqual(5UL, (ulong)untouched.size);

        wasm_module_t* module = LoadModule("module");
        long live = CountingAllocator.Live;
        wasm_module_imports(module, null);
        Assert.AreEqual(live, CountingAllocator.Live);
    }

    [TestMethod]
    [Covers("wasm_module_exports", CoverageKind.Positive)]
    public void ExportsListNameAndKindInOrder()
    {
        wasm_module_t* module = LoadModule("module");
        wasm_exporttype_vec_t exports = default;
        wasm_module_exports(module, &exports);

        var found = new List<string>();
        foreach (wasm_exporttype_t* export in exports)
        {
            found.Add($"{Name(wasm_exporttype_name(export))}:{wasm_externtype_kind(wasm_exporttype_type(export))}");
        }

        CollectionAssert.AreEqual(
            new[] { "run:WASM_EXTERN_FUNC", "mem:WASM_EXTERN_MEMORY", "tab:WASM_EXTERN_TABLE", "counter:WASM_EXTERN_GLOBAL" },
            found);
        exports.Dispose();
    }

    [TestMethod]
    [Covers("wasm_module_exports", CoverageKind.Negative)]
    public void ExportsOfNullLeaveTheOutputAloneAndANullOutputIsIgnored()
    {
        wasm_exporttype_vec_t untouched = default;
        untouched.size = 5;
        wasm_module_exports(null, &untouched);
        Assert.AreEqual(5UL, (ulong)untouched.size);

        wasm_module_t* module = LoadModule("module");
        long live = CountingAllocator.Live;
        wasm_module_exports(module, null);
        Assert.AreEqual(live, CountingAllocator.Live);
    }

    [TestMethod]
    [Covers("wasm_module_serialize", CoverageKind.Positive)]
    public void SerializeNeedsAJitBuildAndWritesNothingHere()
    {
        // WAMR 1.1.2 serializes only in a build with eager JIT compilation; this library is an interpreter
        // build, where wasm_module_serialize logs an error and leaves the output untouched.
        wasm_module_t* module = LoadModule("module");
        wasm_byte_vec_t output = default;
        wasm_module_serialize(module, &output);
        Assert.AreEqual(0, output.Length);
        Assert.IsTrue(output.data == null);
    }

    [TestMethod]
    [Covers("wasm_module_serialize", CoverageKind.Negative)]
    public void SerializeWithNullsIsIgnored()
    {
        wasm_byte_vec_t output = default;
        wasm_module_serialize(null, &output);
        Assert.AreEqual(0, output.Length);
        wasm_module_serialize(LoadModule("module"), null);
    }

    [TestMethod]
    [Covers("wasm_module_deserialize", CoverageKind.Positive)]
    public void DeserializeNeedsAJitBuildAndReturnsNullHere()
    {
        // As serialize: only a build with eager JIT compilation deserializes (it then compiles the bytes as
        // wasm_module_new does); this interpreter build returns NULL even for a valid module.
        using wasm_byte_vec_t binary = wasm_byte_vec_t.Create(ModuleBytes("module"));
        Assert.IsTrue(wasm_module_deserialize(Store, &binary) == null);
    }

    [TestMethod]
    [Covers("wasm_module_deserialize", CoverageKind.Negative)]
    public void DeserializeWithNullsIsNull()
    {
        using wasm_byte_vec_t binary = wasm_byte_vec_t.Create(ModuleBytes("module"));
        Assert.IsTrue(wasm_module_deserialize(null, &binary) == null);
        Assert.IsTrue(wasm_module_deserialize(Store, null) == null);
    }

    [TestMethod]
    [Covers("wasm_module_share", CoverageKind.Positive)]
    [Covers("wasm_module_obtain", CoverageKind.Positive)]
    public void ASharedModuleOutlivesItsStoreAndIsObtainedByAnother()
    {
        wasm_module_t* module = LoadModule("extern");
        wasm_shared_module_t* shared = wasm_module_share(module);
        Assert.IsTrue(shared != null);

        ReplaceStore();
        wasm_module_t* obtained = wasm_module_obtain(Store, shared);

        // WAMR's shared handle is the module itself, with one more owner.
        Assert.IsTrue(obtained == module);
        wasm_instance_t* instance = Instantiate(obtained);
        using wasm_extern_vec_t exports = Exports(instance);
        var results = new wasm_val_t[1];
        Call(wasm_extern_as_func(exports[0]), [I32(7)], results);
        Assert.AreEqual(7, results[0].of.i32);
        wasm_shared_module_delete(shared);
    }

    [TestMethod]
    [Covers("wasm_module_share", CoverageKind.Negative)]
    public void ShareOfNullIsNull() => Assert.IsTrue(wasm_module_share(null) == null);

    [TestMethod]
    [Covers("wasm_module_obtain", CoverageKind.Negative)]
    public void ObtainWithNullsOrAReleasedModuleIsNull()
    {
        wasm_module_t* module = LoadModule("extern");
        wasm_shared_module_t* shared = wasm_module_share(module);
        Assert.IsTrue(wasm_module_obtain(null, shared) == null);
        Assert.IsTrue(wasm_module_obtain(Store, null) == null);

        // Once every owner let go, WAMR unloads the module; obtaining it then fails (it logs a warning).
        wasm_shared_module_delete(shared);
        ReplaceStore();
        Assert.IsTrue(wasm_module_obtain(Store, shared) == null);
    }

    [TestMethod]
    [Covers("wasm_shared_module_delete", CoverageKind.Positive)]
    public void DeletingTheSharedHandleReleasesItsOwnership()
    {
        wasm_module_t* module = LoadModule("extern");
        wasm_shared_module_t* shared = wasm_module_share(module);
        wasm_shared_module_delete(shared);

        // The store still owns the module ...
        wasm_exporttype_vec_t exports = default;
        wasm_module_exports(module, &exports);
        Assert.AreEqual(4, exports.Length);
        exports.Dispose();

        // ... and was its last owner: after the store, the module is gone and cannot be obtained.
        ReplaceStore();
        Assert.IsTrue(wasm_module_obtain(Store, shared) == null);
    }

    [TestMethod]
    [Covers("wasm_shared_module_delete", CoverageKind.Negative)]
    public void DeleteOfANullSharedModuleIsIgnored()
    {
        long live = CountingAllocator.Live;
        wasm_shared_module_delete(null);
        Assert.AreEqual(live, CountingAllocator.Live);
    }

    [TestMethod]
    [Covers("wasm_module_delete", CoverageKind.Positive)]
    public void DeleteLeavesTheModuleToItsStore()
    {
        wasm_module_t* module = LoadModule("extern");
        long live = CountingAllocator.Live;

        // WAMR 1.1.2: wasm_module_delete does nothing; the store frees the module when it is deleted.
        wasm_module_delete(module);

        Assert.AreEqual(live, CountingAllocator.Live);
        wasm_instance_t* instance = Instantiate(module);
        Assert.IsTrue(instance != null);
        ReplaceStore();
        Assert.IsLessThan(live, CountingAllocator.Live);
    }

    [TestMethod]
    [Covers("wasm_module_delete", CoverageKind.Negative)]
    public void DeleteOfNullIsIgnored()
    {
        long live = CountingAllocator.Live;
        wasm_module_delete(null);
        Assert.AreEqual(live, CountingAllocator.Live);
    }
}
