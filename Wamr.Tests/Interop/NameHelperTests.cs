using System;
using System.Text;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop;

/// <summary>
/// <c>wasm_name_new_from_string</c> and <c>_nt</c>, translated from wasm_c_api.h's inline bodies. C's <c>strlen(NULL)</c>
/// crashes (checked in a forked C process); the helpers throw <see cref="ArgumentNullException"/> instead. A null
/// <c>out</c> is passed on to <c>wasm_byte_vec_new</c>, which ignores it (also checked in C first).
/// </summary>
[TestClass]
public sealed unsafe class NameHelperTests : EngineTestBase
{
    [TestMethod]
    [Covers("wasm_name_new_from_string", CoverageKind.Positive)]
    public void NameFromStringCopiesTheBytesWithoutTheTerminator()
    {
        wasm_name_t name;
        fixed (byte* s = "hello, wasm\0"u8)
        {
            wasm_name_new_from_string(&name, s);
        }

        Assert.AreEqual(11, name.Length);
        Assert.AreEqual("hello, wasm", Encoding.UTF8.GetString(name.AsSpan()));
        wasm_name_delete(&name);
    }

    [TestMethod]
    [Covers("wasm_name_new_from_string", CoverageKind.Negative)]
    public void NameFromStringRejectsANullStringAndIgnoresANullOut()
    {
        wasm_name_t name = default;
        wasm_name_t* output = &name;
        ArgumentNullException e = Assert.ThrowsExactly<ArgumentNullException>(() => wasm_name_new_from_string(output, null));
        Assert.AreEqual("s", e.ParamName);
        Assert.AreEqual(0, name.Length);

        fixed (byte* s = "x\0"u8)
        {
            wasm_name_new_from_string(null, s);
        }

        fixed (byte* empty = "\0"u8)
        {
            wasm_name_new_from_string(&name, empty);
        }

        Assert.AreEqual(0, name.Length);
        Assert.IsTrue(name.data == null);
    }

    [TestMethod]
    [Covers("wasm_name_new_from_string_nt", CoverageKind.Positive)]
    public void NameFromStringNtKeepsTheTerminator()
    {
        wasm_name_t name;
        fixed (byte* s = "run\0"u8)
        {
            wasm_name_new_from_string_nt(&name, s);
        }

        CollectionAssert.AreEqual(new byte[] { (byte)'r', (byte)'u', (byte)'n', 0 }, name.AsSpan().ToArray());
        wasm_name_delete(&name);
    }

    [TestMethod]
    [Covers("wasm_name_new_from_string_nt", CoverageKind.Negative)]
    public void NameFromStringNtRejectsANullStringAndKeepsTheTerminatorOfAnEmptyOne()
    {
        wasm_name_t name = default;
        wasm_name_t* output = &name;
        ArgumentNullException e = Assert.ThrowsExactly<ArgumentNullException>(() => wasm_name_new_from_string_nt(output, null));
        Assert.AreEqual("s", e.ParamName);

        fixed (byte* empty = "\0"u8)
        {
            wasm_name_new_from_string_nt(&name, empty);
            wasm_name_new_from_string_nt(null, empty);
        }

        CollectionAssert.AreEqual(new byte[] { 0 }, name.AsSpan().ToArray());
        wasm_name_delete(&name);
    }
}
