using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;
using Wamr.Tests.Interop.Safety;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop;

/// <summary>
/// The <c>wasm_name_*</c> macro aliases of <c>wasm_byte_vec_*</c> (<c>#define wasm_name_new wasm_byte_vec_new</c>):
/// each is a method of its own name that does exactly what its target does. Negative cases pass what the NULL probe
/// measured as safe for the target.
/// </summary>
[TestClass]
public sealed unsafe class NameAliasTests : EngineTestBase
{
    [TestMethod]
    [Covers("wasm_name_new", CoverageKind.Positive)]
    public void NameNewCopiesTheBytes()
    {
        wasm_name_t name;
        fixed (byte* text = "import"u8)
        {
            wasm_name_new(&name, 6, text);
        }

        Assert.AreEqual("import", System.Text.Encoding.ASCII.GetString(name.AsSpan()));
        Assert.AreEqual((nuint)6, name.num_elems);
        wasm_name_delete(&name);
    }

    [TestMethod]
    [Covers("wasm_name_new", CoverageKind.Negative)]
    public void NameNewIgnoresANullOutAndMakesAnEmptyNameOfNullData()
    {
        Assert.AreEqual("void", NullProbe.AssertNullIsSafe("wasm_byte_vec_new", "out"));
        fixed (byte* text = "x"u8)
        {
            wasm_name_new(null, 1, text);
        }

        wasm_name_t empty;
        wasm_name_new(&empty, 0, null);
        Assert.AreEqual(0, empty.Length);
        wasm_name_delete(&empty);
    }

    [TestMethod]
    [Covers("wasm_name_new_empty", CoverageKind.Positive)]
    public void NameNewEmptyIsEmpty()
    {
        wasm_name_t name = default;
        name.size = 99;
        wasm_name_new_empty(&name);
        Assert.AreEqual((nuint)0, name.size);
        Assert.IsTrue(name.data == null);
    }

    [TestMethod]
    [Covers("wasm_name_new_empty", CoverageKind.Negative)]
    public void NameNewEmptyIgnoresANullOut()
    {
        Assert.AreEqual("void", NullProbe.AssertNullIsSafe("wasm_byte_vec_new_empty", "out"));
        wasm_name_new_empty(null);
        wasm_name_t name;
        wasm_name_new_empty(&name);
        Assert.AreEqual(0, name.Length);
    }

    [TestMethod]
    [Covers("wasm_name_new_new_uninitialized", CoverageKind.Positive)]
    public void NameNewUninitializedHasRoom()
    {
        // WAMR's header spells this alias with "new" twice; the binding keeps the C name.
        wasm_name_t name;
        wasm_name_new_new_uninitialized(&name, 16);
        Assert.AreEqual(16, name.Length);
        Assert.IsTrue(name.data != null);
        name.AsSpan().Fill(0x41);
        Assert.AreEqual(0x41, name[15]);
        wasm_name_delete(&name);
    }

    [TestMethod]
    [Covers("wasm_name_new_new_uninitialized", CoverageKind.Negative)]
    public void NameNewUninitializedIgnoresANullOutAndAllowsZero()
    {
        Assert.AreEqual("void", NullProbe.AssertNullIsSafe("wasm_byte_vec_new_uninitialized", "out"));
        wasm_name_new_new_uninitialized(null, 8);
        wasm_name_t name;
        wasm_name_new_new_uninitialized(&name, 0);
        Assert.AreEqual(0, name.Length);
        wasm_name_delete(&name);
    }

    [TestMethod]
    [Covers("wasm_name_copy", CoverageKind.Positive)]
    public void NameCopyIsADeepCopy()
    {
        wasm_name_t source;
        fixed (byte* text = "abc"u8)
        {
            wasm_name_new(&source, 3, text);
        }

        wasm_name_t copy;
        wasm_name_copy(&copy, &source);
        Assert.IsTrue(copy.data != source.data);
        source[0] = (byte)'z';
        Assert.AreEqual("abc", System.Text.Encoding.ASCII.GetString(copy.AsSpan()));
        wasm_name_delete(&source);
        wasm_name_delete(&copy);
    }

    [TestMethod]
    [Covers("wasm_name_copy", CoverageKind.Negative)]
    public void NameCopyIgnoresNulls()
    {
        Assert.AreEqual("void", NullProbe.AssertNullIsSafe("wasm_byte_vec_copy", "out"));
        Assert.AreEqual("void", NullProbe.AssertNullIsSafe("wasm_byte_vec_copy", "arg1"));
        wasm_name_t source;
        fixed (byte* text = "abc"u8)
        {
            wasm_name_new(&source, 3, text);
        }

        wasm_name_copy(null, &source);
        wasm_name_t untouched = default;
        wasm_name_copy(&untouched, null);
        Assert.AreEqual(0, untouched.Length, "a byte vector copied from NULL is left as it was");
        wasm_name_delete(&source);
    }

    [TestMethod]
    [Covers("wasm_name_delete", CoverageKind.Positive)]
    public void NameDeleteEmptiesTheName()
    {
        wasm_name_t name;
        wasm_name_new_new_uninitialized(&name, 4);
        wasm_name_delete(&name);
        Assert.AreEqual(0, name.Length);
        Assert.IsTrue(name.data == null);
    }

    [TestMethod]
    [Covers("wasm_name_delete", CoverageKind.Negative)]
    public void NameDeleteIgnoresNullAndAnAlreadyDeletedName()
    {
        Assert.AreEqual("void", NullProbe.AssertNullIsSafe("wasm_byte_vec_delete", "arg0"));
        wasm_name_delete(null);
        wasm_name_t name;
        wasm_name_new_new_uninitialized(&name, 4);
        wasm_name_delete(&name);
        wasm_name_delete(&name);
        Assert.AreEqual(0, name.Length);
    }
}
