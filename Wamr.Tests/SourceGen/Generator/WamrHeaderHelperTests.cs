using System;
using System.Collections.Generic;
using System.Linq;

using Microsoft.CodeAnalysis;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.SourceGen.Generator;

/// <summary>
/// The helpers WAMR's own headers get: every inline function and value macro of wasm_c_api.h on <c>WasmCApi</c>, the
/// translatable macros of wasm_export.h on <c>WamrApi</c>, and an Info diagnostic for each of the others.
/// </summary>
[TestClass]
public sealed class WamrHeaderHelperTests
{
    private static readonly string[] CApiHelpers =
    [
        "wasm_name_new_from_string", "wasm_name_new_from_string_nt", "wasm_valkind_is_num", "wasm_valkind_is_ref",
        "wasm_valtype_is_num", "wasm_valtype_is_ref", "wasm_valtype_new_i32", "wasm_valtype_new_i64", "wasm_valtype_new_f32",
        "wasm_valtype_new_f64", "wasm_valtype_new_anyref", "wasm_valtype_new_funcref", "wasm_functype_new_0_0", "wasm_functype_new_1_0",
        "wasm_functype_new_2_0", "wasm_functype_new_3_0", "wasm_functype_new_0_1", "wasm_functype_new_1_1", "wasm_functype_new_2_1",
        "wasm_functype_new_3_1", "wasm_functype_new_0_2", "wasm_functype_new_1_2", "wasm_functype_new_2_2", "wasm_functype_new_3_2",
        "wasm_val_init_ptr", "wasm_val_ptr", "WASM_I32_VAL", "WASM_I64_VAL", "WASM_F32_VAL", "WASM_F64_VAL", "WASM_REF_VAL",
        "KILOBYTE", "WASM_EMPTY_VEC", "WASM_ARRAY_VEC", "WASM_INIT_VAL", "MEMORY_PAGE_SIZE",
    ];

    private static (Compilation Output, Diagnostic[] Diagnostics, GeneratorDriver Driver) Generate(Dictionary<string, string>? properties = null)
    {
        var (output, diagnostics, driver) = GeneratorHarness.Run(GeneratorHarness.Driver(GeneratorHarness.WamrInputs(), properties), GeneratorHarness.Compilation());
        return (output, diagnostics.ToArray(), driver);
    }

    [TestMethod]
    public void EveryInlineFunctionAndValueMacroOfTheCApiIsAHelper()
    {
        var (output, diagnostics, _) = Generate();
        Assert.IsEmpty(GeneratorHarness.WarningsAndErrors(diagnostics));
        INamedTypeSymbol api = output.GetTypeByMetadataName("Wamr.Interop.WasmCApi")!;
        foreach (string name in CApiHelpers)
        {
            ISymbol[] members = api.GetMembers(name).ToArray();
            Assert.IsNotEmpty(members, name);
            Assert.IsTrue(members.All(m => m.DeclaredAccessibility == Accessibility.Public && m.IsStatic), name);
            Assert.IsFalse(members.OfType<IMethodSymbol>().Any(m => m.IsExtern), $"{name} is a P/Invoke");
        }

        Assert.HasCount(6, api.GetMembers("KILOBYTE"));
        Assert.HasCount(12, api.GetMembers("WASM_ARRAY_VEC"));
        Assert.AreEqual("nuint", ((IFieldSymbol)api.GetMembers("MEMORY_PAGE_SIZE").Single()).Type.ToDisplayString());
        Assert.IsTrue(((IFieldSymbol)api.GetMembers("MEMORY_PAGE_SIZE").Single()).IsConst);
        Assert.IsNotNull(api.GetTypeMembers("WASM_EMPTY_VEC_Initializer").SingleOrDefault());

        INamedTypeSymbol wamr = output.GetTypeByMetadataName("Wamr.Interop.WamrApi")!;
        IMethodSymbol getModuleInst = (IMethodSymbol)wamr.GetMembers("get_module_inst").Single();
        Assert.AreEqual("wasm_module_inst_t", getModuleInst.ReturnType.Name);
    }

    [TestMethod]
    public void TheOthersAreReportedWithTheirReason()
    {
        var (_, diagnostics, _) = Generate();
        string[] reported = diagnostics.Where(d => d.Id == "WAMRGEN010")
            .Select(d => $"{System.IO.Path.GetFileName(d.Location.GetLineSpan().Path)}:{d.Location.GetLineSpan().StartLinePosition.Line + 1} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToArray();
        string all = string.Join("\n", reported);

        // assertions() holds static assertions; the EXPORT_WASM_API* macros stringize; the app-address macros and
        // native_raw_* use variables their caller declares (module_inst, raw_ret) or declare one.
        Assert.HasCount(16, reported, all);
        StringAssert.Contains(all, "wasm_c_api.h:36 The inline function 'assertions' has no C# helper: the translator does not support a static assertion (_Static_assert).");
        foreach (string name in new[] { "EXPORT_WASM_API", "EXPORT_WASM_API2", "EXPORT_WASM_API_WITH_SIG", "EXPORT_WASM_API_WITH_SIG2", "EXPORT_WASM_API_WITH_ATT", "EXPORT_WASM_API_WITH_ATT2" })
        {
            StringAssert.Contains(all, $"The macro '{name}' has no C# helper: the translator does not support stringizing (#).");
        }

        foreach (string name in new[] { "validate_app_addr", "validate_app_str_addr", "addr_app_to_native", "addr_native_to_app", "module_malloc", "module_free" })
        {
            StringAssert.Contains(all, $"The macro '{name}' has no C# helper: the translator does not support 'module_inst', which is neither a parameter, a local nor declared by the headers.");
        }

        Assert.IsTrue(reported.All(r => !r.Contains("translator failed", StringComparison.Ordinal)), all);
    }

    [TestMethod]
    public void ThirtyTwoBitTargetsStoreValPointersAsI32()
    {
        var (output, diagnostics, driver) = Generate(new Dictionary<string, string> { ["WamrPointerSize"] = "4" });
        Assert.IsEmpty(GeneratorHarness.WarningsAndErrors(diagnostics));
        Assert.AreEqual(string.Empty, GeneratorHarness.Problems(output));
        string api = GeneratorHarness.Generated(driver, "Wamr.Interop.WasmCApi.g.cs");
        StringAssert.Contains(api, "@out->kind = WASM_I32;");
        StringAssert.Contains(api, "@out->of.i32 = (int)(nint)p;");
        StringAssert.Contains(api, "return (void*)(nint)val->of.i32;");
    }

    [TestMethod]
    public void HelpersWrapAsCInAProjectThatChecksOverflow()
    {
        const string probe = """
            using Wamr.Interop;
            using static Wamr.Interop.WasmCApi;
            public static class Probe
            {
                public static string Run() => $"{KILOBYTE(int.MaxValue)} {KILOBYTE(uint.MaxValue)} {wasm_valkind_is_ref((wasm_valkind_t)200)}";
            }
            """;
        var inputs = GeneratorHarness.WamrInputs();
        var compilation = GeneratorHarness.Compilation(probe);
        compilation = compilation.WithOptions(compilation.Options.WithOverflowChecks(true));
        var (output, diagnostics, _) = GeneratorHarness.Run(GeneratorHarness.Driver(inputs), compilation);
        Assert.IsEmpty(GeneratorHarness.WarningsAndErrors(diagnostics));
        var result = new HelperHarness.Result(output, diagnostics, string.Empty);
        Assert.AreEqual($"-1024 {0xFFFF_FC00u} True", HelperHarness.Run(result, "Probe", "Run"));
    }
}
