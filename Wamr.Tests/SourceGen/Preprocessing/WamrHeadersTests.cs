using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.SourceGen.Model;
using Wamr.SourceGen.Preprocessing;
using Wamr.SourceGen.Text;

namespace Wamr.Tests.SourceGen.Preprocessing;

/// <summary>Preprocesses WAMR's real headers (from the native build) as the generator does.</summary>
[TestClass]
public sealed class WamrHeadersTests
{
    private static readonly Lazy<HeaderFile[]> Headers = new(LoadHeaders);

    private static HeaderFile[] LoadHeaders()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Wamr.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        Assert.IsNotNull(dir, "repository root (Wamr.sln) not found above the test binary");
        string include = Path.Combine(dir, "artifacts", "native", "include");
        return new[] { "wasm_c_api.h", "wasm_export.h", "lib_export.h" }
            .Select(name => Path.Combine(include, name))
            .Select(path => new HeaderFile(path, File.ReadAllText(path)))
            .ToArray();
    }

    private static PreprocessResult Run(int pointerSize = 8) =>
        Preprocessor.Run(
            Headers.Value,
            new[] { Headers.Value[0].Path, Headers.Value[1].Path },
            new PreprocessorOptions(pointerSize, EquatableArray<PredefinedMacro>.Empty));

    private static string Text(PreprocessResult result) => " " + string.Join(" ", result.Tokens.Select(t => t.Text)) + " ";

    private static string Tokens(string c) => " " + string.Join(" ", Lexer.Tokenize("x", c).Select(t => t.Text)) + " ";

    [TestMethod]
    public void BothHeadersPreprocessWithoutDiagnostics()
    {
        PreprocessResult result = Run();
        Assert.IsEmpty(result.Diagnostics, string.Join("\n", result.Diagnostics));
        Assert.IsGreaterThan(5000, result.Tokens.Count);
    }

    [TestMethod]
    public void DeclareVecOfBytesProducesPastedDeclarations()
    {
        string text = Text(Run());
        StringAssert.Contains(text, Tokens("typedef struct wasm_byte_vec_t { size_t size; wasm_byte_t * data; size_t num_elems; size_t size_of_elem; void *lock; } wasm_byte_vec_t;"));
        StringAssert.Contains(text, Tokens("void wasm_byte_vec_new( wasm_byte_vec_t* out, size_t, wasm_byte_t const[]);"));
        StringAssert.Contains(text, Tokens("void wasm_valtype_vec_new( wasm_valtype_vec_t* out, size_t, wasm_valtype_t * const[]);"));
        StringAssert.Contains(text, Tokens("wasm_ref_t* wasm_func_as_ref(wasm_func_t*);"));
        StringAssert.Contains(text, Tokens("wasm_shared_module_t* wasm_module_share(wasm_module_t*);"));
        StringAssert.Contains(text, Tokens("wasm_engine_t* wasm_engine_new(void);"));
    }

    [TestMethod]
    public void SharableRefMacroPastesSharedNames()
    {
        // WAMR comments out its own use of WASM_DECLARE_SHARABLE_REF(module); use the macro as upstream does.
        var extra = new HeaderFile("extra.h", "#define own\nWASM_DECLARE_SHARABLE_REF(thing)\n");
        PreprocessResult result = Preprocessor.Run(
            Headers.Value.Append(extra).ToArray(),
            new[] { Headers.Value[0].Path, Headers.Value[1].Path, "extra.h" },
            PreprocessorOptions.Default);
        Assert.IsEmpty(result.Diagnostics, string.Join("\n", result.Diagnostics));
        string text = Text(result);
        StringAssert.Contains(text, Tokens("typedef struct wasm_shared_thing_t wasm_shared_thing_t; void wasm_shared_thing_delete(wasm_shared_thing_t*);"));
        StringAssert.Contains(text, Tokens("wasm_shared_thing_t* wasm_thing_share(const wasm_thing_t*);"));
        StringAssert.Contains(text, Tokens("const wasm_thing_t* wasm_ref_as_thing_const(const wasm_ref_t*);"));
        Assert.IsTrue(result.Tokens.Where(t => t.Text == "wasm_thing_share").All(t => t.Location.File == "extra.h" && t.Location.Line == 2));
    }

    [TestMethod]
    public void NoDirectiveOrApiMacroIsLeft()
    {
        PreprocessResult result = Run();
        string[] forbidden = { "#", "##", "WASM_API_EXTERN", "WASM_RUNTIME_API_EXTERN", "own", "__cplusplus" };
        foreach (Token t in result.Tokens)
        {
            Assert.IsFalse(forbidden.Contains(t.Text), $"'{t.Text}' left at {t.Location}");
            Assert.IsFalse(t.Text.StartsWith("WASM_DECLARE_", StringComparison.Ordinal), $"'{t.Text}' left at {t.Location}");
        }

        Assert.IsFalse(Text(result).Contains(" extern \"C\" ", StringComparison.Ordinal));
    }

    [TestMethod]
    [DataRow(8, "WASM_I64", "i64")]
    [DataRow(4, "WASM_I32", "i32")]
    public void PointerBranchOfInlineHelpersFollowsThePointerSize(int pointerSize, string kind, string field)
    {
        PreprocessResult result = Run(pointerSize);
        Assert.IsEmpty(result.Diagnostics, string.Join("\n", result.Diagnostics));
        string text = Text(result);
        string other = field == "i64" ? "i32" : "i64";
        StringAssert.Contains(text, Tokens($"wasm_val_init_ptr(wasm_val_t* out, void* p) {{ out->kind = {kind}; out->of.{field} = (intptr_t)p; }}"));
        StringAssert.Contains(text, Tokens($"return (void*)(intptr_t)val->of.{field}; }}"));
        Assert.IsFalse(text.Contains(Tokens($"(intptr_t)val->of.{other}"), StringComparison.Ordinal));
    }

    [TestMethod]
    public void HeaderMacrosAreListed()
    {
        PreprocessResult result = Run();
        Dictionary<string, MacroDefinition> macros = result.Macros.ToDictionary(m => m.Name);
        Assert.AreEqual("wasm_byte_vec_delete", macros["wasm_name_delete"].Body);
        Assert.IsTrue(macros["WASM_I32_VAL"].IsFunctionLike);
        CollectionAssert.AreEqual(new[] { "i" }, macros["WASM_I32_VAL"].Parameters.ToArray());
        Assert.AreEqual("( ( n ) * 1024 )", macros["KILOBYTE"].Body);
        Assert.AreEqual("{ 0 , NULL , 0 , 0 , NULL }", macros["WASM_EMPTY_VEC"].Body);
        Assert.IsFalse(macros.ContainsKey("own"), "own is #undef'd at the end of wasm_c_api.h");
        Assert.IsFalse(macros.ContainsKey("UINT32_MAX"), "system header macros are not listed");
        Assert.IsTrue(macros.ContainsKey("EXPORT_WASM_API_WITH_SIG"), "lib_export.h, included by wasm_export.h, is processed");
        Assert.IsTrue(macros["KILOBYTE"].Location.File.EndsWith("wasm_c_api.h", StringComparison.Ordinal));
        int order = result.Macros.ToList().FindIndex(m => m.Name == "WASM_EMPTY_VEC");
        Assert.IsLessThan(result.Macros.ToList().FindIndex(m => m.Name == "KILOBYTE"), order);
    }

    [TestMethod]
    public void DocCommentsReachTheDeclarations()
    {
        PreprocessResult result = Run();
        Token[] documented = result.Tokens.Where(t => t.LeadingComment is not null).ToArray();
        Assert.IsGreaterThan(100, documented.Length);

        // "/** Initialize ... */ WASM_RUNTIME_API_EXTERN bool wasm_runtime_init(void);": the API macro expands
        // to nothing, so the comment lands on "_Bool" (bool from stdbool.h), the first token emitted.
        int init = result.Tokens.ToList().FindIndex(t => t.Text == "wasm_runtime_init");
        Token type = result.Tokens[init - 1];
        Assert.AreEqual("_Bool", type.Text);
        Assert.IsNotNull(type.LeadingComment);
        StringAssert.StartsWith(type.LeadingComment, "Initialize the WASM runtime environment");
        Assert.IsNull(result.Tokens[init].LeadingComment);

        // A comment before a directive (here "// Machine types" before "#if") does not reach any token.
        Assert.IsFalse(documented.Any(t => t.LeadingComment!.Contains("Machine types", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void PreprocessingIsFast()
    {
        Run();
        var watch = Stopwatch.StartNew();
        const int runs = 10;
        for (int i = 0; i < runs; i++)
        {
            Run();
        }

        double perRun = watch.Elapsed.TotalMilliseconds / runs;
        Console.WriteLine($"{perRun:F1} ms per run");
        // A guard against quadratic behaviour, loose enough for Debug builds on a busy machine (a Release
        // build takes well under 20 ms).
        Assert.IsLessThan(250.0, perRun, $"{perRun:F1} ms per run");
    }
}
