using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop;

/// <summary>
/// <c>KILOBYTE(n)</c> (an expression macro: one overload per C# integer type, computed as C computes it, wrapping on
/// overflow) and <c>MEMORY_PAGE_SIZE</c> (a <c>static const size_t</c>: a C# constant of type <see cref="nuint"/>).
/// </summary>
[TestClass]
public sealed unsafe class ConstantHelperTests : EngineTestBase
{
    [TestMethod]
    [Covers("KILOBYTE", CoverageKind.Positive)]
    public void KilobyteIsTheStackSizeWamrGetsForAnInstance()
    {
        Assert.AreEqual(65536, KILOBYTE(64));
        Assert.AreEqual(2048u, KILOBYTE(2u));
        Assert.AreEqual(1L << 40, KILOBYTE(1L << 30));
        Assert.AreEqual((nuint)4096, KILOBYTE((nuint)4));

        using wasm_byte_vec_t binary = wasm_byte_vec_t.Create(TestModule.Bytes("helpers"));
        wasm_module_t* module = wasm_module_new(Store, &binary);
        wasm_extern_vec_t imports = WASM_EMPTY_VEC;
        wasm_trap_t* trap = null;
        wasm_instance_t* instance = wasm_instance_new_with_args(Store, module, &imports, &trap, KILOBYTE(16u), 0);
        Assert.IsTrue(instance != null && trap == null);
        wasm_instance_delete(instance);
        wasm_module_delete(module);
    }

    [TestMethod]
    [Covers("KILOBYTE", CoverageKind.Negative)]
    public void KilobyteWrapsOnOverflowAsC()
    {
        // The generated body is unchecked: no OverflowException, whatever the consumer's settings.
        Assert.AreEqual(-1024, KILOBYTE(int.MaxValue));
        Assert.AreEqual(0xFFFF_FC00u, KILOBYTE(uint.MaxValue));
        Assert.AreEqual(0, KILOBYTE(0x0040_0000));
        Assert.AreEqual(-1024L, KILOBYTE(-1L));
        Assert.AreEqual(ulong.MaxValue - 1023, KILOBYTE(ulong.MaxValue));

        // Narrower arguments are promoted to int, as in C.
        Assert.AreEqual(255 * 1024, KILOBYTE((byte)255));
        Assert.AreEqual(-1024, KILOBYTE((sbyte)-1));
    }

    [TestMethod]
    [Covers("MEMORY_PAGE_SIZE", CoverageKind.Positive)]
    public void MemoryPageSizeIsTheSizeOfOnePage()
    {
        System.Reflection.FieldInfo field = typeof(WasmCApi).GetField(nameof(MEMORY_PAGE_SIZE))!;
        Assert.IsTrue(field.IsLiteral);
        Assert.AreEqual(typeof(nuint), field.FieldType);
        using TestModule module = TestModule.Instantiate(Store, "helpers", WASM_EMPTY_VEC, withoutAppHeap: true);
        wasm_memory_t* memory = module.Memory("memory");
        Assert.AreEqual(1u, wasm_memory_size(memory));
        Assert.AreEqual(wasm_memory_size(memory) * MEMORY_PAGE_SIZE, wasm_memory_data_size(memory));
    }

    [TestMethod]
    [Covers("MEMORY_PAGE_SIZE", CoverageKind.Negative)]
    public void MemoryPageSizeStaysTheUnitWhenTheHostCannotGrow()
    {
        using TestModule module = TestModule.Instantiate(Store, "helpers", WASM_EMPTY_VEC, withoutAppHeap: true);
        wasm_memory_t* memory = module.Memory("memory");
        Assert.IsFalse(wasm_memory_grow(memory, 1));
        Assert.AreEqual(1 * MEMORY_PAGE_SIZE, wasm_memory_data_size(memory));
    }
    [TestMethod]
    [Covers("wasm_limits_max_default", CoverageKind.Positive)]
    public void LimitsMaxDefaultIsTheNoMaximumMarkerMemoryTypesKeep()
    {
        System.Reflection.FieldInfo field = typeof(WasmCApi).GetField(nameof(wasm_limits_max_default))!;
        Assert.IsTrue(field.IsLiteral);
        Assert.AreEqual(typeof(uint), field.FieldType);
        Assert.AreEqual(uint.MaxValue, (uint)field.GetRawConstantValue()!);

        wasm_limits_t limits = default;
        limits.min = 1;
        limits.max = wasm_limits_max_default;
        wasm_memorytype_t* type = wasm_memorytype_new(&limits);
        Assert.IsTrue(type != null);
        Assert.AreEqual(wasm_limits_max_default, wasm_memorytype_limits(type)->max);
        wasm_memorytype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_limits_max_default", CoverageKind.Negative)]
    public void LimitsBelowTheDefaultAreKeptAsAnExplicitMaximum()
    {
        wasm_limits_t limits = default;
        limits.min = 1;
        limits.max = wasm_limits_max_default - 1;
        wasm_memorytype_t* type = wasm_memorytype_new(&limits);
        Assert.IsTrue(type != null);
        Assert.AreNotEqual(wasm_limits_max_default, wasm_memorytype_limits(type)->max);
        Assert.AreEqual(wasm_limits_max_default - 1, wasm_memorytype_limits(type)->max);
        wasm_memorytype_delete(type);
    }
}
