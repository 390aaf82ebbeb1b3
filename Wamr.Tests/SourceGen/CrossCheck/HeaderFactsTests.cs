using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.SourceGen.CrossCheck;

/// <summary>
/// Validates the cross-check's own facts against what is known about WAMR 1.1.2, so that a broken clang run, a JSON
/// walk that loses track of files, or a probe that prints nothing cannot make the comparison tests pass vacuously.
/// Every expected number here is a literal, checked against the headers by hand.
/// </summary>
[TestClass]
public sealed class HeaderFactsTests
{
    private static HeaderFacts Facts => ClangHeaderFacts.Facts;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void HeadersDeclare356NonInlineFunctions()
    {
        // WAMR's three headers; the extension header (wamr_ext.h) grows with the project and is counted apart.
        CFunction[] wamr = Facts.Functions.Where(f => f.Header != "wamr_ext.h").ToArray();
        Assert.HasCount(356, wamr);
        Assert.HasCount(Facts.Functions.Count, Facts.Functions.Select(f => f.Name).Distinct());
    }

    [TestMethod]
    public void FunctionsAreAttributedToTheHeaderThatDeclaresThem()
    {
        Assert.AreEqual(273, Facts.Functions.Count(f => f.Header == "wasm_c_api.h"));
        Assert.AreEqual(82, Facts.Functions.Count(f => f.Header == "wasm_export.h"));
        Assert.AreEqual(1, Facts.Functions.Count(f => f.Header == "lib_export.h"));
        CFunction[] extension = Facts.Functions.Where(f => f.Header == "wamr_ext.h").ToArray();
        Assert.IsGreaterThanOrEqualTo(3, extension.Length);
        Assert.IsTrue(extension.All(f => f.Name.StartsWith("wamr_ext_", StringComparison.Ordinal)), "every extension function is named wamr_ext_*");
        Assert.AreEqual("wamr_ext.h", Facts.FunctionsByName["wamr_ext_abi_version"].Header);
        Assert.AreEqual("lib_export.h", Facts.FunctionsByName["get_base_lib_export_apis"].Header);
        Assert.AreEqual("wasm_c_api.h", Facts.FunctionsByName["wasm_engine_new"].Header);
        Assert.AreEqual("wasm_export.h", Facts.FunctionsByName["wasm_runtime_full_init"].Header);
    }

    [TestMethod]
    public void OnlyWasmRuntimeCallWasmVIsVariadic()
    {
        CFunction[] variadic = Facts.Functions.Where(f => f.IsVariadic).ToArray();
        Assert.HasCount(1, variadic);
        Assert.AreEqual("wasm_runtime_call_wasm_v", variadic[0].Name);
        Assert.HasCount(5, variadic[0].Parameters);
        Assert.AreEqual("_Bool", variadic[0].ReturnType);
        Assert.AreEqual(1, variadic[0].ReturnSize);
    }

    [TestMethod]
    public void InlineAndSystemFunctionsAreNotListed()
    {
        // wasm_c_api.h defines 27 inline helpers (26 static inline plus `inline void assertions(void)`).
        string[] inline = ["assertions", "wasm_name_new_from_string", "wasm_valkind_is_num", "wasm_valtype_new_i32", "wasm_functype_new_3_2", "wasm_val_init_ptr", "wasm_val_ptr"];
        string[] system = ["malloc", "memcpy", "strlen", "printf", "__assert_fail"];
        foreach (string name in inline.Concat(system))
        {
            Assert.IsFalse(Facts.FunctionsByName.ContainsKey(name), $"{name} must not be listed");
        }

        string[] unexpected = Facts.Functions.Select(f => f.Name)
            .Where(n => !n.StartsWith("wasm_", StringComparison.Ordinal) && !n.StartsWith("wamr_ext_", StringComparison.Ordinal) && n is not "get_base_lib_export_apis" and not "get_package_type")
            .ToArray();
        Assert.IsEmpty(unexpected, string.Join(", ", unexpected));
    }

    [TestMethod]
    public void ParameterAndReturnSizesComeFromTheCompiler()
    {
        CFunction fullInit = Facts.FunctionsByName["wasm_runtime_full_init"];
        Assert.AreEqual("RuntimeInitArgs *", fullInit.Parameters.Single().Type);
        Assert.AreEqual(8, fullInit.Parameters.Single().Size);
        Assert.AreEqual(1, fullInit.ReturnSize);

        Assert.AreEqual(0, Facts.FunctionsByName["wasm_engine_delete"].ReturnSize);
        Assert.AreEqual(1, Facts.FunctionsByName["wasm_valtype_kind"].ReturnSize); // wasm_valkind_t is uint8_t
        Assert.AreEqual(4, Facts.FunctionsByName["get_package_type"].ReturnSize); // package_type_t
        Assert.AreEqual(4, Facts.FunctionsByName["wasm_memory_size"].ReturnSize); // wasm_memory_pages_t

        CFunction funcNew = Facts.FunctionsByName["wasm_func_new"];
        Assert.HasCount(3, funcNew.Parameters);
        Assert.AreEqual("wasm_func_callback_t", funcNew.Parameters[2].Type);
        Assert.AreEqual(8, funcNew.Parameters[2].Size);

        CParameter[] bad = Facts.Functions.SelectMany(f => f.Parameters).Where(p => p.Size <= 0).ToArray();
        Assert.IsEmpty(bad, string.Join(", ", bad.Select(p => p.Type)));
        CFunction[] badReturns = Facts.Functions.Where(f => (f.ReturnType == "void") != (f.ReturnSize == 0)).ToArray();
        Assert.IsEmpty(badReturns, string.Join(", ", badReturns.Select(f => f.Name)));
    }

    [TestMethod]
    public void RecordsAreFoundCompleteOrOpaque()
    {
        Assert.HasCount(43, Facts.Records);
        Assert.AreEqual(19, Facts.CompleteRecords.Count());
        Assert.AreEqual(24, Facts.OpaqueRecords.Count());
        foreach (string name in new[] { "wasm_config_t", "wasm_engine_t", "wasm_store_t", "wasm_ref_t", "wasm_instance_t", "WASMModuleCommon", "WASMModuleInstanceCommon", "WASMExecEnv" })
        {
            CRecord record = Facts.RecordsByName[name];
            Assert.IsTrue(record.IsOpaque, name);
            Assert.AreEqual(-1, record.Size, name);
            Assert.IsEmpty(record.Fields, name);
        }

        // Only ever used through pointer typedefs: named by their tag.
        Assert.AreEqual("struct WASMModuleCommon", Facts.RecordsByName["WASMModuleCommon"].CName);
        Assert.AreEqual("struct WASMExecEnv", Facts.RecordsByName["WASMExecEnv"].CName);
        Assert.IsTrue(Facts.CompleteRecords.All(r => r.Size > 0 && r.Alignment > 0 && r.Fields.Count > 0));
    }

    [TestMethod]
    public void EveryVecIs40BytesWithTheSameFields()
    {
        CRecord[] vecs = Facts.Records.Where(r => Regex.IsMatch(r.Name, "^wasm_[a-z]+_vec_t$")).ToArray();
        Assert.HasCount(12, vecs);
        foreach (CRecord vec in vecs)
        {
            Assert.AreEqual("struct", vec.Kind, vec.Name);
            Assert.AreEqual(40, vec.Size, vec.Name);
            Assert.AreEqual(8, vec.Alignment, vec.Name);
            CollectionAssert.AreEqual(new[] { "size", "data", "num_elems", "size_of_elem", "lock" }, vec.Fields.Select(f => f.Name).ToArray(), vec.Name);
            CollectionAssert.AreEqual(new[] { 0, 8, 16, 24, 32 }, vec.Fields.Select(f => f.Offset).ToArray(), vec.Name);
            CollectionAssert.AreEqual(new[] { 8, 8, 8, 8, 8 }, vec.Fields.Select(f => f.Size).ToArray(), vec.Name);
        }
    }

    [TestMethod]
    public void WasmValIs16BytesWithTheUnionAt8()
    {
        // wasm_c_api.h is included first, so its definition (member `ref`) wins over wasm_export.h's (member `foreign`).
        CRecord val = Facts.RecordsByName["wasm_val_t"];
        Assert.AreEqual("wasm_c_api.h", val.Header);
        Assert.AreEqual(16, val.Size);
        Assert.AreEqual(8, val.Alignment);
        Assert.AreEqual(0, Field(val, "kind").Offset);
        Assert.AreEqual(1, Field(val, "kind").Size);
        CField of = Field(val, "of");
        Assert.AreEqual(8, of.Offset);
        Assert.AreEqual(8, of.Size);
        Assert.AreEqual("union", of.NestedKind);
        CollectionAssert.AreEqual(new[] { "i32", "i64", "f32", "f64", "ref" }, of.NestedFields.Select(f => f.Name).ToArray());
        Assert.IsTrue(of.NestedFields.All(f => f.Offset == 8));
        Assert.AreEqual(4, Field(val, "of.i32").Size);
        Assert.AreEqual(8, Field(val, "of.f64").Size);
        Assert.AreEqual(8, Facts.Probe["offsetof wasm_val_t.of.i32"]);
    }

    [TestMethod]
    public void WasmLimitsIs8Bytes()
    {
        CRecord limits = Facts.RecordsByName["wasm_limits_t"];
        Assert.AreEqual(8, limits.Size);
        Assert.AreEqual(0, Field(limits, "min").Offset);
        Assert.AreEqual(4, Field(limits, "max").Offset);
    }

    [TestMethod]
    public void RuntimeInitArgsHasA128ByteIpAddr()
    {
        CRecord args = Facts.RecordsByName["RuntimeInitArgs"];
        Assert.AreEqual(208, args.Size);
        Assert.HasCount(10, args.Fields);
        CField ip = Field(args, "ip_addr");
        Assert.AreEqual("char[128]", ip.Type);
        Assert.AreEqual(128, ip.ArrayLength);
        Assert.AreEqual(128, ip.Size);
        Assert.AreEqual(64, ip.Offset);
        Assert.AreEqual(8, Field(args, "mem_alloc_option").Offset);
        Assert.AreEqual(32, Field(args, "mem_alloc_option").Size);
        Assert.AreEqual(200, Field(args, "fast_jit_code_cache_size").Offset);
    }

    [TestMethod]
    public void MemAllocOptionIsAUnionOfTwoAnonymousStructs()
    {
        CRecord option = Facts.RecordsByName["MemAllocOption"];
        Assert.AreEqual("union", option.Kind);
        Assert.AreEqual("wasm_c_api.h", option.Header);
        Assert.AreEqual(32, option.Size);
        Assert.AreEqual(16, Field(option, "pool").Size);
        Assert.AreEqual(8, Field(option, "pool.heap_size").Offset);
        Assert.AreEqual(32, Field(option, "allocator").Size);
        Assert.AreEqual(24, Field(option, "allocator.user_data").Offset);
    }

    [TestMethod]
    public void OtherRecordsHaveTheirCLayout()
    {
        Assert.AreEqual(32, Facts.RecordsByName["NativeSymbol"].Size);
        Assert.AreEqual("lib_export.h", Facts.RecordsByName["NativeSymbol"].Header);
        CRecord section = Facts.RecordsByName["wasm_section_t"];
        Assert.AreEqual(32, section.Size);
        CollectionAssert.AreEqual(new[] { "wasm_section_t", "aot_section_t" }, section.TypedefNames.ToArray());
        Assert.AreEqual(24, Field(section, "section_body_size").Offset);
        Assert.AreEqual(12, Facts.RecordsByName["mem_alloc_info_t"].Size);
        Assert.AreEqual(4, Facts.RecordsByName["mem_alloc_info_t"].Alignment);
    }

    [TestMethod]
    public void EnumConstantsHaveTheirCValues()
    {
        Assert.HasCount(5, Facts.Enums);
        Assert.AreEqual(18, Facts.EnumConstants.Count());
        Dictionary<string, long> values = Facts.EnumConstants.ToDictionary(c => c.Name, c => c.Value);
        Assert.AreEqual(0L, values["WASM_I32"]);
        Assert.AreEqual(3L, values["WASM_F64"]);
        Assert.AreEqual(128L, values["WASM_ANYREF"]);
        Assert.AreEqual(129L, values["WASM_FUNCREF"]);
        Assert.AreEqual(3L, values["WASM_EXTERN_MEMORY"]);
        Assert.AreEqual(1L, values["WASM_VAR"]);
        Assert.AreEqual(2L, values["Alloc_With_System_Allocator"]);
        Assert.AreEqual(0xFFFFL, values["Package_Type_Unknown"]);
        Assert.AreEqual("package_type_t", Facts.Enums.Single(e => e.Constants.Any(c => c.Name == "Package_Type_Unknown")).TypedefName);

        // The values clang's AST gives (explicit initializers, then +1) are the values the compiled probe prints.
        foreach (CEnumConstant constant in Facts.EnumConstants)
        {
            Assert.AreEqual(constant.Value, Facts.Probe[CLayoutProbe.EnumKey(constant.Name)], constant.Name);
        }
    }

    [TestMethod]
    public void TypedefsAreListed()
    {
        Assert.HasCount(68, Facts.Typedefs);
        Dictionary<string, string> types = Facts.Typedefs.ToDictionary(t => t.Name, t => t.Type);
        Assert.AreEqual("struct WASMModuleCommon *", types["wasm_module_t"]);
        Assert.AreEqual("wasm_trap_t *(*)(const wasm_val_vec_t *, wasm_val_vec_t *)", types["wasm_func_callback_t"]);
        Assert.AreEqual("uint8_t", types["wasm_valkind_t"]);
        Assert.AreEqual("wasm_byte_vec_t", types["wasm_name_t"]);
    }

    [TestMethod]
    public void ExportListIsRead()
    {
        // WAMR's own symbols (interpreter, AOT loader, WASI, thread manager), then the project's: the hooks of native/src/
        // (wamr_dotnet_*, bound by hand because no header declares them) and the extension library (wamr_ext_*).
        string[] own = NmExports.Symbols.Where(s => !s.StartsWith("wamr_dotnet_", StringComparison.Ordinal) && !s.StartsWith("wamr_ext_", StringComparison.Ordinal)).ToArray();
        Assert.HasCount(843, own);
        Assert.Contains("wamr_dotnet_set_print", NmExports.Symbols);
        Assert.Contains("wasm_engine_new", NmExports.Symbols);
        Assert.Contains("wasm_runtime_call_wasm_v", NmExports.Symbols);
        Assert.Contains("wasm_runtime_set_wasi_args", NmExports.Symbols);
        Assert.Contains("aot_call_function", NmExports.Symbols);
        foreach (CFunction function in Facts.Functions.Where(f => f.Header == "wamr_ext.h"))
        {
            Assert.Contains(function.Name, NmExports.Symbols, $"the extension function {function.Name} is declared but not exported");
        }

        // 56 declared functions are not in this build of libiwasm (debugger, module registration, pthread
        // spawning, and C API functions WAMR 1.1.2 never implemented); their bindings must be [Obsolete].
        string[] missing = Facts.Functions.Where(f => !NmExports.Symbols.Contains(f.Name)).Select(f => f.Name).ToArray();
        Assert.HasCount(56, missing);
        CollectionAssert.Contains(missing, "get_base_lib_export_apis");
        CollectionAssert.Contains(missing, "wasm_globaltype_vec_new");
        CollectionAssert.Contains(missing, "wasm_trap_copy");
        CollectionAssert.Contains(missing, "wasm_runtime_start_debug_instance");
        CollectionAssert.DoesNotContain(missing, "wasm_runtime_spawn_thread");
    }

    [TestMethod]
    public void ProbeOutputIsParsed()
    {
        IReadOnlyDictionary<string, long> parsed = CLayoutProbe.Parse("sizeof const char * = 8\noffsetof wasm_val_t.of.i32 = 8\nenum X = -1\n");
        Assert.HasCount(3, parsed);
        Assert.AreEqual(8L, parsed["sizeof const char *"]);
        Assert.AreEqual(8L, parsed["offsetof wasm_val_t.of.i32"]);
        Assert.AreEqual(-1L, parsed["enum X"]);
        Assert.ThrowsExactly<FormatException>(() => CLayoutProbe.Parse("garbage\n"));
    }

    [TestMethod]
    [DataRow("_Bool (RuntimeInitArgs *)", "_Bool")]
    [DataRow("wasm_engine_t *(void)", "wasm_engine_t *")]
    [DataRow("void (wasm_func_t *, void *, void (*)(void *))", "void")]
    [DataRow("const wasm_valtype_vec_t *(const wasm_functype_t *)", "const wasm_valtype_vec_t *")]
    public void ReturnTypeIsTakenFromTheFunctionType(string functionType, string expected)
    {
        Assert.AreEqual(expected, ClangHeaderFacts.ReturnTypeOf(functionType));
    }

    [TestMethod]
    public void FactsAreGatheredQuickly()
    {
        TestContext.WriteLine($"facts gathered in {Facts.Elapsed.TotalMilliseconds:F0} ms ({Facts.Probe.Count} probe lines)");
        Assert.IsLessThan(TimeSpan.FromSeconds(10), Facts.Elapsed);
    }

    private static CField Field(CRecord record, string path)
    {
        return record.AllFields.SingleOrDefault(f => f.Path == path)
            ?? throw new AssertFailedException($"{record.Name} has no field {path}");
    }
}
