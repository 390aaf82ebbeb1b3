using System.Linq;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;
using Wamr.Tests.Interop.Safety;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary>
/// <c>wasm_externtype_*</c> and the conversions between external types and function, global, table and memory types.
/// In WAMR a function (global, table, memory) type <em>is</em> an external type: the conversions are pointer casts,
/// and the ones from an external type do not check its kind.
/// </summary>
[TestClass]
public sealed unsafe class ExterntypeTests : EngineTestBase
{
    private static wasm_tabletype_t* Tabletype()
    {
        wasm_limits_t limits = new() { min = 1, max = 5 };
        return wasm_tabletype_new(wasm_valtype_new(WASM_FUNCREF), &limits);
    }

    /// <summary>One external type of each kind (the caller deletes them).</summary>
    private static wasm_externtype_t*[] OneOfEachKind() =>
    [
        wasm_functype_as_externtype(TypeSignatures.Functype(2, 1)),
        wasm_globaltype_as_externtype(wasm_globaltype_new(wasm_valtype_new(WASM_F32), WASM_CONST)),
        wasm_tabletype_as_externtype(Tabletype()),
        wasm_memorytype_as_externtype(TypeSignatures.Memorytype(1, 2)),
    ];

    [TestMethod]
    [Covers("wasm_externtype_kind", CoverageKind.Positive)]
    public void KindTellsWhichTypeItIs()
    {
        wasm_externtype_t*[] types = OneOfEachKind();
        wasm_externkind_t[] expected = [WASM_EXTERN_FUNC, WASM_EXTERN_GLOBAL, WASM_EXTERN_TABLE, WASM_EXTERN_MEMORY];
        for (int i = 0; i < types.Length; i++)
        {
            Assert.AreEqual(expected[i], wasm_externtype_kind(types[i]));
            wasm_externtype_delete(types[i]);
        }
    }

    [TestMethod]
    [Covers("wasm_externtype_kind", CoverageKind.Negative)]
    public void KindOfNullIsFunc()
    {
        // WAMR answers WASM_EXTERN_FUNC (0) for NULL: check the pointer, not the kind.
        Assert.AreEqual("0", NullProbe.AssertNullIsSafe("wasm_externtype_kind", "arg0"));
        Assert.AreEqual(WASM_EXTERN_FUNC, wasm_externtype_kind(null));
    }

    [TestMethod]
    [Covers("wasm_externtype_copy", CoverageKind.Positive)]
    public void CopyIsADeepCopyOfEveryKind()
    {
        foreach (wasm_externtype_t* original in OneOfEachKind())
        {
            string description = TypeSignatures.Describe(original);
            wasm_externtype_t* copy = wasm_externtype_copy(original);
            Assert.IsTrue(copy != null && copy != original, description);
            wasm_externtype_delete(original);
            Assert.AreEqual(description, TypeSignatures.Describe(copy), "the copy outlives the original");
            wasm_externtype_delete(copy);
        }
    }

    [TestMethod]
    [Covers("wasm_externtype_copy", CoverageKind.Negative)]
    public void CopyOfNullIsNull()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_externtype_copy", "arg0"));
        Assert.IsTrue(wasm_externtype_copy(null) == null);
    }

    [TestMethod]
    [Covers("wasm_externtype_delete", CoverageKind.Positive)]
    public void DeleteReleasesEveryKind()
    {
        foreach (wasm_externtype_t* type in OneOfEachKind())
        {
            NativeHeap.Watched watched = NativeHeap.Watch(type, "external type of kind " + wasm_externtype_kind(type));
            wasm_externtype_delete(type);
            watched.AssertReleased();
        }
    }

    [TestMethod]
    [Covers("wasm_externtype_delete", CoverageKind.Negative)]
    public void DeleteOfNullDoesNothing()
    {
        Assert.AreEqual("void", NullProbe.AssertNullIsSafe("wasm_externtype_delete", "arg0"));
        wasm_externtype_delete(null);
    }

    [TestMethod]
    [Covers("wasm_functype_as_externtype", CoverageKind.Positive)]
    public void FunctypeAsExterntypeIsTheSameObject()
    {
        wasm_functype_t* type = TypeSignatures.Functype(1, 1);
        wasm_externtype_t* external = wasm_functype_as_externtype(type);
        Assert.IsTrue(external == type, "a functype is an externtype: the same pointer");
        Assert.AreEqual(WASM_EXTERN_FUNC, wasm_externtype_kind(external));
        wasm_externtype_delete(external); // deletes the functype
    }

    [TestMethod]
    [Covers("wasm_functype_as_externtype", CoverageKind.Negative)]
    public void FunctypeAsExterntypeOfNullIsNull()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_functype_as_externtype", "arg0"));
        Assert.IsTrue(wasm_functype_as_externtype(null) == null);
    }

    [TestMethod]
    [Covers("wasm_externtype_as_functype", CoverageKind.Positive)]
    public void ExterntypeAsFunctypeGivesTheTypeBack()
    {
        wasm_functype_t* type = TypeSignatures.Functype(1, 1);
        wasm_externtype_t* external = wasm_functype_as_externtype(type);
        Assert.IsTrue(wasm_externtype_as_functype(external) == type);
        Assert.AreEqual(TypeSignatures.Describe(external), TypeSignatures.Describe(wasm_functype_as_externtype(wasm_externtype_as_functype(external))));
        wasm_functype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_externtype_as_functype", CoverageKind.Negative)]
    public void ExterntypeAsFunctypeIsAnUncheckedCast()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_externtype_as_functype", "arg0"));
        Assert.IsTrue(wasm_externtype_as_functype(null) == null);

        // Given another kind it returns the same pointer unchanged: check wasm_externtype_kind first.
        Assert.AreEqual("argument 0", NullProbe.Results.Single(r => r.Function == "wasm_externtype_as_functype" && r.Mode == "wrong kind").Detail);
        wasm_externtype_t* other = wasm_globaltype_as_externtype(wasm_globaltype_new(wasm_valtype_new(WASM_I32), WASM_VAR));
        Assert.IsTrue(wasm_externtype_as_functype(other) == (void*)other);
        Assert.AreEqual(WASM_EXTERN_GLOBAL, wasm_externtype_kind(other), "only the kind tells the truth");
        wasm_externtype_delete(other);
    }

    [TestMethod]
    [Covers("wasm_functype_as_externtype_const", CoverageKind.Positive)]
    public void FunctypeAsExterntypeConstIsTheSameObject()
    {
        wasm_functype_t* type = TypeSignatures.Functype(1, 1);
        wasm_externtype_t* external = wasm_functype_as_externtype_const(type);
        Assert.IsTrue(external == type, "a functype is an externtype: the same pointer");
        Assert.AreEqual(WASM_EXTERN_FUNC, wasm_externtype_kind(external));
        wasm_externtype_delete(external); // deletes the functype
    }

    [TestMethod]
    [Covers("wasm_functype_as_externtype_const", CoverageKind.Negative)]
    public void FunctypeAsExterntypeConstOfNullIsNull()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_functype_as_externtype_const", "arg0"));
        Assert.IsTrue(wasm_functype_as_externtype_const(null) == null);
    }

    [TestMethod]
    [Covers("wasm_externtype_as_functype_const", CoverageKind.Positive)]
    public void ExterntypeAsFunctypeConstGivesTheTypeBack()
    {
        wasm_functype_t* type = TypeSignatures.Functype(1, 1);
        wasm_externtype_t* external = wasm_functype_as_externtype(type);
        Assert.IsTrue(wasm_externtype_as_functype_const(external) == type);
        Assert.AreEqual(TypeSignatures.Describe(external), TypeSignatures.Describe(wasm_functype_as_externtype(wasm_externtype_as_functype_const(external))));
        wasm_functype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_externtype_as_functype_const", CoverageKind.Negative)]
    public void ExterntypeAsFunctypeConstIsAnUncheckedCast()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_externtype_as_functype_const", "arg0"));
        Assert.IsTrue(wasm_externtype_as_functype_const(null) == null);

        // Given another kind it returns the same pointer unchanged: check wasm_externtype_kind first.
        Assert.AreEqual("argument 0", NullProbe.Results.Single(r => r.Function == "wasm_externtype_as_functype_const" && r.Mode == "wrong kind").Detail);
        wasm_externtype_t* other = wasm_globaltype_as_externtype(wasm_globaltype_new(wasm_valtype_new(WASM_I32), WASM_VAR));
        Assert.IsTrue(wasm_externtype_as_functype_const(other) == (void*)other);
        Assert.AreEqual(WASM_EXTERN_GLOBAL, wasm_externtype_kind(other), "only the kind tells the truth");
        wasm_externtype_delete(other);
    }

    [TestMethod]
    [Covers("wasm_globaltype_as_externtype", CoverageKind.Positive)]
    public void GlobaltypeAsExterntypeIsTheSameObject()
    {
        wasm_globaltype_t* type = wasm_globaltype_new(wasm_valtype_new(WASM_I32), WASM_VAR);
        wasm_externtype_t* external = wasm_globaltype_as_externtype(type);
        Assert.IsTrue(external == type, "a globaltype is an externtype: the same pointer");
        Assert.AreEqual(WASM_EXTERN_GLOBAL, wasm_externtype_kind(external));
        wasm_externtype_delete(external); // deletes the globaltype
    }

    [TestMethod]
    [Covers("wasm_globaltype_as_externtype", CoverageKind.Negative)]
    public void GlobaltypeAsExterntypeOfNullIsNull()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_globaltype_as_externtype", "arg0"));
        Assert.IsTrue(wasm_globaltype_as_externtype(null) == null);
    }

    [TestMethod]
    [Covers("wasm_externtype_as_globaltype", CoverageKind.Positive)]
    public void ExterntypeAsGlobaltypeGivesTheTypeBack()
    {
        wasm_globaltype_t* type = wasm_globaltype_new(wasm_valtype_new(WASM_I32), WASM_VAR);
        wasm_externtype_t* external = wasm_globaltype_as_externtype(type);
        Assert.IsTrue(wasm_externtype_as_globaltype(external) == type);
        Assert.AreEqual(TypeSignatures.Describe(external), TypeSignatures.Describe(wasm_globaltype_as_externtype(wasm_externtype_as_globaltype(external))));
        wasm_globaltype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_externtype_as_globaltype", CoverageKind.Negative)]
    public void ExterntypeAsGlobaltypeIsAnUncheckedCast()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_externtype_as_globaltype", "arg0"));
        Assert.IsTrue(wasm_externtype_as_globaltype(null) == null);

        // Given another kind it returns the same pointer unchanged: check wasm_externtype_kind first.
        Assert.AreEqual("argument 0", NullProbe.Results.Single(r => r.Function == "wasm_externtype_as_globaltype" && r.Mode == "wrong kind").Detail);
        wasm_externtype_t* other = wasm_functype_as_externtype(TypeSignatures.Functype(1, 1));
        Assert.IsTrue(wasm_externtype_as_globaltype(other) == (void*)other);
        Assert.AreEqual(WASM_EXTERN_FUNC, wasm_externtype_kind(other), "only the kind tells the truth");
        wasm_externtype_delete(other);
    }

    [TestMethod]
    [Covers("wasm_globaltype_as_externtype_const", CoverageKind.Positive)]
    public void GlobaltypeAsExterntypeConstIsTheSameObject()
    {
        wasm_globaltype_t* type = wasm_globaltype_new(wasm_valtype_new(WASM_I32), WASM_VAR);
        wasm_externtype_t* external = wasm_globaltype_as_externtype_const(type);
        Assert.IsTrue(external == type, "a globaltype is an externtype: the same pointer");
        Assert.AreEqual(WASM_EXTERN_GLOBAL, wasm_externtype_kind(external));
        wasm_externtype_delete(external); // deletes the globaltype
    }

    [TestMethod]
    [Covers("wasm_globaltype_as_externtype_const", CoverageKind.Negative)]
    public void GlobaltypeAsExterntypeConstOfNullIsNull()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_globaltype_as_externtype_const", "arg0"));
        Assert.IsTrue(wasm_globaltype_as_externtype_const(null) == null);
    }

    [TestMethod]
    [Covers("wasm_externtype_as_globaltype_const", CoverageKind.Positive)]
    public void ExterntypeAsGlobaltypeConstGivesTheTypeBack()
    {
        wasm_globaltype_t* type = wasm_globaltype_new(wasm_valtype_new(WASM_I32), WASM_VAR);
        wasm_externtype_t* external = wasm_globaltype_as_externtype(type);
        Assert.IsTrue(wasm_externtype_as_globaltype_const(external) == type);
        Assert.AreEqual(TypeSignatures.Describe(external), TypeSignatures.Describe(wasm_globaltype_as_externtype(wasm_externtype_as_globaltype_const(external))));
        wasm_globaltype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_externtype_as_globaltype_const", CoverageKind.Negative)]
    public void ExterntypeAsGlobaltypeConstIsAnUncheckedCast()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_externtype_as_globaltype_const", "arg0"));
        Assert.IsTrue(wasm_externtype_as_globaltype_const(null) == null);

        // Given another kind it returns the same pointer unchanged: check wasm_externtype_kind first.
        Assert.AreEqual("argument 0", NullProbe.Results.Single(r => r.Function == "wasm_externtype_as_globaltype_const" && r.Mode == "wrong kind").Detail);
        wasm_externtype_t* other = wasm_functype_as_externtype(TypeSignatures.Functype(1, 1));
        Assert.IsTrue(wasm_externtype_as_globaltype_const(other) == (void*)other);
        Assert.AreEqual(WASM_EXTERN_FUNC, wasm_externtype_kind(other), "only the kind tells the truth");
        wasm_externtype_delete(other);
    }

    [TestMethod]
    [Covers("wasm_tabletype_as_externtype", CoverageKind.Positive)]
    public void TabletypeAsExterntypeIsTheSameObject()
    {
        wasm_tabletype_t* type = Tabletype();
        wasm_externtype_t* external = wasm_tabletype_as_externtype(type);
        Assert.IsTrue(external == type, "a tabletype is an externtype: the same pointer");
        Assert.AreEqual(WASM_EXTERN_TABLE, wasm_externtype_kind(external));
        wasm_externtype_delete(external); // deletes the tabletype
    }

    [TestMethod]
    [Covers("wasm_tabletype_as_externtype", CoverageKind.Negative)]
    public void TabletypeAsExterntypeOfNullIsNull()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_tabletype_as_externtype", "arg0"));
        Assert.IsTrue(wasm_tabletype_as_externtype(null) == null);
    }

    [TestMethod]
    [Covers("wasm_externtype_as_tabletype", CoverageKind.Positive)]
    public void ExterntypeAsTabletypeGivesTheTypeBack()
    {
        wasm_tabletype_t* type = Tabletype();
        wasm_externtype_t* external = wasm_tabletype_as_externtype(type);
        Assert.IsTrue(wasm_externtype_as_tabletype(external) == type);
        Assert.AreEqual(TypeSignatures.Describe(external), TypeSignatures.Describe(wasm_tabletype_as_externtype(wasm_externtype_as_tabletype(external))));
        wasm_tabletype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_externtype_as_tabletype", CoverageKind.Negative)]
    public void ExterntypeAsTabletypeIsAnUncheckedCast()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_externtype_as_tabletype", "arg0"));
        Assert.IsTrue(wasm_externtype_as_tabletype(null) == null);

        // Given another kind it returns the same pointer unchanged: check wasm_externtype_kind first.
        Assert.AreEqual("argument 0", NullProbe.Results.Single(r => r.Function == "wasm_externtype_as_tabletype" && r.Mode == "wrong kind").Detail);
        wasm_externtype_t* other = wasm_memorytype_as_externtype(TypeSignatures.Memorytype(1, 2));
        Assert.IsTrue(wasm_externtype_as_tabletype(other) == (void*)other);
        Assert.AreEqual(WASM_EXTERN_MEMORY, wasm_externtype_kind(other), "only the kind tells the truth");
        wasm_externtype_delete(other);
    }

    [TestMethod]
    [Covers("wasm_tabletype_as_externtype_const", CoverageKind.Positive)]
    public void TabletypeAsExterntypeConstIsTheSameObject()
    {
        wasm_tabletype_t* type = Tabletype();
        wasm_externtype_t* external = wasm_tabletype_as_externtype_const(type);
        Assert.IsTrue(external == type, "a tabletype is an externtype: the same pointer");
        Assert.AreEqual(WASM_EXTERN_TABLE, wasm_externtype_kind(external));
        wasm_externtype_delete(external); // deletes the tabletype
    }

    [TestMethod]
    [Covers("wasm_tabletype_as_externtype_const", CoverageKind.Negative)]
    public void TabletypeAsExterntypeConstOfNullIsNull()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_tabletype_as_externtype_const", "arg0"));
        Assert.IsTrue(wasm_tabletype_as_externtype_const(null) == null);
    }

    [TestMethod]
    [Covers("wasm_externtype_as_tabletype_const", CoverageKind.Positive)]
    public void ExterntypeAsTabletypeConstGivesTheTypeBack()
    {
        wasm_tabletype_t* type = Tabletype();
        wasm_externtype_t* external = wasm_tabletype_as_externtype(type);
        Assert.IsTrue(wasm_externtype_as_tabletype_const(external) == type);
        Assert.AreEqual(TypeSignatures.Describe(external), TypeSignatures.Describe(wasm_tabletype_as_externtype(wasm_externtype_as_tabletype_const(external))));
        wasm_tabletype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_externtype_as_tabletype_const", CoverageKind.Negative)]
    public void ExterntypeAsTabletypeConstIsAnUncheckedCast()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_externtype_as_tabletype_const", "arg0"));
        Assert.IsTrue(wasm_externtype_as_tabletype_const(null) == null);

        // Given another kind it returns the same pointer unchanged: check wasm_externtype_kind first.
        Assert.AreEqual("argument 0", NullProbe.Results.Single(r => r.Function == "wasm_externtype_as_tabletype_const" && r.Mode == "wrong kind").Detail);
        wasm_externtype_t* other = wasm_memorytype_as_externtype(TypeSignatures.Memorytype(1, 2));
        Assert.IsTrue(wasm_externtype_as_tabletype_const(other) == (void*)other);
        Assert.AreEqual(WASM_EXTERN_MEMORY, wasm_externtype_kind(other), "only the kind tells the truth");
        wasm_externtype_delete(other);
    }

    [TestMethod]
    [Covers("wasm_memorytype_as_externtype", CoverageKind.Positive)]
    public void MemorytypeAsExterntypeIsTheSameObject()
    {
        wasm_memorytype_t* type = TypeSignatures.Memorytype(1, 2);
        wasm_externtype_t* external = wasm_memorytype_as_externtype(type);
        Assert.IsTrue(external == type, "a memorytype is an externtype: the same pointer");
        Assert.AreEqual(WASM_EXTERN_MEMORY, wasm_externtype_kind(external));
        wasm_externtype_delete(external); // deletes the memorytype
    }

    [TestMethod]
    [Covers("wasm_memorytype_as_externtype", CoverageKind.Negative)]
    public void MemorytypeAsExterntypeOfNullIsNull()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_memorytype_as_externtype", "arg0"));
        Assert.IsTrue(wasm_memorytype_as_externtype(null) == null);
    }

    [TestMethod]
    [Covers("wasm_externtype_as_memorytype", CoverageKind.Positive)]
    public void ExterntypeAsMemorytypeGivesTheTypeBack()
    {
        wasm_memorytype_t* type = TypeSignatures.Memorytype(1, 2);
        wasm_externtype_t* external = wasm_memorytype_as_externtype(type);
        Assert.IsTrue(wasm_externtype_as_memorytype(external) == type);
        Assert.AreEqual(TypeSignatures.Describe(external), TypeSignatures.Describe(wasm_memorytype_as_externtype(wasm_externtype_as_memorytype(external))));
        wasm_memorytype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_externtype_as_memorytype", CoverageKind.Negative)]
    public void ExterntypeAsMemorytypeIsAnUncheckedCast()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_externtype_as_memorytype", "arg0"));
        Assert.IsTrue(wasm_externtype_as_memorytype(null) == null);

        // Given another kind it returns the same pointer unchanged: check wasm_externtype_kind first.
        Assert.AreEqual("argument 0", NullProbe.Results.Single(r => r.Function == "wasm_externtype_as_memorytype" && r.Mode == "wrong kind").Detail);
        wasm_externtype_t* other = wasm_tabletype_as_externtype(Tabletype());
        Assert.IsTrue(wasm_externtype_as_memorytype(other) == (void*)other);
        Assert.AreEqual(WASM_EXTERN_TABLE, wasm_externtype_kind(other), "only the kind tells the truth");
        wasm_externtype_delete(other);
    }

    [TestMethod]
    [Covers("wasm_memorytype_as_externtype_const", CoverageKind.Positive)]
    public void MemorytypeAsExterntypeConstIsTheSameObject()
    {
        wasm_memorytype_t* type = TypeSignatures.Memorytype(1, 2);
        wasm_externtype_t* external = wasm_memorytype_as_externtype_const(type);
        Assert.IsTrue(external == type, "a memorytype is an externtype: the same pointer");
        Assert.AreEqual(WASM_EXTERN_MEMORY, wasm_externtype_kind(external));
        wasm_externtype_delete(external); // deletes the memorytype
    }

    [TestMethod]
    [Covers("wasm_memorytype_as_externtype_const", CoverageKind.Negative)]
    public void MemorytypeAsExterntypeConstOfNullIsNull()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_memorytype_as_externtype_const", "arg0"));
        Assert.IsTrue(wasm_memorytype_as_externtype_const(null) == null);
    }

    [TestMethod]
    [Covers("wasm_externtype_as_memorytype_const", CoverageKind.Positive)]
    public void ExterntypeAsMemorytypeConstGivesTheTypeBack()
    {
        wasm_memorytype_t* type = TypeSignatures.Memorytype(1, 2);
        wasm_externtype_t* external = wasm_memorytype_as_externtype(type);
        Assert.IsTrue(wasm_externtype_as_memorytype_const(external) == type);
        Assert.AreEqual(TypeSignatures.Describe(external), TypeSignatures.Describe(wasm_memorytype_as_externtype(wasm_externtype_as_memorytype_const(external))));
        wasm_memorytype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_externtype_as_memorytype_const", CoverageKind.Negative)]
    public void ExterntypeAsMemorytypeConstIsAnUncheckedCast()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_externtype_as_memorytype_const", "arg0"));
        Assert.IsTrue(wasm_externtype_as_memorytype_const(null) == null);

        // Given another kind it returns the same pointer unchanged: check wasm_externtype_kind first.
        Assert.AreEqual("argument 0", NullProbe.Results.Single(r => r.Function == "wasm_externtype_as_memorytype_const" && r.Mode == "wrong kind").Detail);
        wasm_externtype_t* other = wasm_tabletype_as_externtype(Tabletype());
        Assert.IsTrue(wasm_externtype_as_memorytype_const(other) == (void*)other);
        Assert.AreEqual(WASM_EXTERN_TABLE, wasm_externtype_kind(other), "only the kind tells the truth");
        wasm_externtype_delete(other);
    }
}
