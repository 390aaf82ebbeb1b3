using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.SourceGen.Generator;

/// <summary>
/// Generates bindings for a small header, compiles them with caller code, and runs that code: the helpers the
/// generator translates from inline functions and macros must compute what C computes.
/// </summary>
internal static class HelperHarness
{
    public const string HeaderPath = "/headers/helpers.h";

    /// <summary>What one generator run gave.</summary>
    public sealed record Result(Compilation Output, ImmutableArray<Diagnostic> Diagnostics, string Api)
    {
        /// <summary>The WAMRGEN010 diagnostics, one line each: "line: message".</summary>
        public string[] Untranslated => Diagnostics.Where(d => d.Id == "WAMRGEN010")
            .Select(d => $"{d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToArray();
    }

    /// <summary>Runs the generator over <paramref name="header"/> with <paramref name="sources"/> as user code.</summary>
    public static Result Generate(string header, string[]? sources = null, Dictionary<string, string>? properties = null, bool checkOverflow = false, string? exports = null)
    {
        var inputs = new List<TestInput> { new(HeaderPath, header) };
        if (exports is not null)
        {
            inputs.Add(new TestInput("/headers/exports.txt", exports, IsExports: true));
        }

        CSharpCompilation compilation = GeneratorHarness.Compilation(sources ?? []);
        compilation = compilation.WithOptions(compilation.Options.WithOverflowChecks(checkOverflow));
        var (output, diagnostics, driver) = GeneratorHarness.Run(GeneratorHarness.Driver(inputs, properties), compilation);
        string api = driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith(".WasmCApi.g.cs", StringComparison.Ordinal)).ToString();
        return new Result(output, diagnostics, api);
    }

    /// <summary>Asserts no warning or error from the generator or the compiler, and no WAMRGEN010.</summary>
    public static void AssertClean(Result result)
    {
        Assert.IsEmpty(result.Diagnostics, string.Join("\n", result.Diagnostics));
        Assert.AreEqual(string.Empty, GeneratorHarness.Problems(result.Output), result.Api);
    }

    /// <summary>Emits the compilation, loads it in a collectible context and calls the static method <paramref name="type"/>.<paramref name="method"/>.</summary>
    public static object? Run(Result result, string type, string method, params object?[] arguments)
    {
        using var stream = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = result.Output.Emit(stream);
        Assert.IsTrue(emitted.Success, string.Join("\n", emitted.Diagnostics) + "\n" + result.Api);
        stream.Position = 0;
        var context = new AssemblyLoadContext("helpers", isCollectible: true);
        try
        {
            Assembly assembly = context.LoadFromStream(stream);
            MethodInfo target = assembly.GetType(type, throwOnError: true)!.GetMethod(method, BindingFlags.Public | BindingFlags.Static)
                ?? throw new InvalidOperationException($"no method {type}.{method}");
            try
            {
                return target.Invoke(null, arguments);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }
        finally
        {
            context.Unload();
        }
    }
}
