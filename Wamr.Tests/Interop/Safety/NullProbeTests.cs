using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.SourceGen.Emitting;
using Wamr.SourceGen.Model;

namespace Wamr.Tests.Interop.Safety;

/// <summary>
/// The NULL probe (a C program, each call in a fork()ed child): it reaches every exported function of wasm_c_api.h
/// and every pointer parameter, its page in docs/ is current, and the committed guard list is exactly the set of
/// parameters whose NULL crashed. <c>WAMR_UPDATE_SAFETY=1</c> rewrites the page and the list.
/// </summary>
[TestClass]
public sealed class NullProbeTests
{
    [TestMethod]
    public void ProbeCallsEveryExportedFunctionWithEachPointerParameterNull()
    {
        IReadOnlyList<NullProbeResult> results = NullProbe.Results;
        var exported = WasmCApiHeader.Functions.Where(f => WasmCApiHeader.IsExported(f.Name) && !f.IsVariadic).ToList();
        Assert.IsGreaterThan(200, exported.Count);
        var missing = new List<string>();
        foreach (FunctionDecl f in exported)
        {
            var cases = results.Where(r => r.Function == f.Name).ToList();
            if (!cases.Any(r => r.IsBaseline))
            {
                missing.Add(f.Name + ": no baseline call");
            }

            List<string> names = FunctionEmitter.ParameterNames(f);
            for (int i = 0; i < f.Parameters.Count; i++)
            {
                if (WasmCApiHeader.IsPointer(f.Parameters[i].Type) && !cases.Any(r => r.IsNullCase && r.NullIndex == i && r.NullParameter == names[i]))
                {
                    missing.Add($"{f.Name}: no call with '{names[i]}' NULL");
                }
            }
        }

        Assert.IsEmpty(missing, string.Join("\n", missing));
        var unknown = results.Select(r => r.Function).Distinct().Except(exported.Select(f => f.Name)).ToList();
        Assert.IsEmpty(unknown, "probed but not an exported function of wasm_c_api.h: " + string.Join(", ", unknown));
    }

    [TestMethod]
    public void EveryOtherArgumentIsAValidObject()
    {
        // The probe isolates one NULL only if the other arguments are real objects: every factory exists and worked.
        var withoutFactory = NullProbe.Results.Where(r => r.Mode.Contains("NULL:", StringComparison.Ordinal)).Select(r => $"{r.Function}: {r.Mode}").ToList();
        Assert.IsEmpty(withoutFactory, string.Join("\n", withoutFactory));
        var setupFailures = NullProbe.Results.Where(r => r.Outcome == "exit").Select(r => $"{r.Function} #{r.NullIndex}: {r.Detail}").ToList();
        Assert.IsEmpty(setupFailures, string.Join("\n", setupFailures));
    }

    [TestMethod]
    public void EveryBaselineCallSurvives()
    {
        var crashed = NullProbe.Results.Where(r => r.IsBaseline && r.Outcome != "returned").Select(r => $"{r.Function}: {r.Outcome} {r.Detail}").ToList();
        Assert.IsEmpty(crashed, string.Join("\n", crashed));
    }

    [TestMethod]
    public void EveryOddArgumentSurvives()
    {
        // The hand-written odd cases are the unexpected arguments negative tests pass in-process.
        var odd = NullProbe.Results.Where(r => r.IsOdd).ToList();
        Assert.IsGreaterThan(10, odd.Count);
        var crashed = odd.Where(r => r.Outcome != "returned").Select(r => $"{r.Function} ({r.Mode}): {r.Outcome} {r.Detail}").ToList();
        Assert.IsEmpty(crashed, string.Join("\n", crashed));
    }

    [TestMethod]
    public void HazardsCrashAsDocumented()
    {
        // What the tests never do in-process, and why: these misuses crash WAMR without any NULL argument.
        var hazards = NullProbe.Results.Where(r => r.IsHazard).ToList();
        Assert.IsNotEmpty(hazards);
        var survived = hazards.Where(r => !r.Crashed).Select(r => $"{r.Function} ({r.Mode}): {r.Outcome} {r.Detail}").ToList();
        Assert.IsEmpty(survived, "these hazards no longer crash: update the tests and docs that warn about them\n" + string.Join("\n", survived));
    }

    [TestMethod]
    public void GuardListIsTheMeasuredCrashSet()
    {
        if (NullProbeReport.Updating)
        {
            File.WriteAllText(GuardListFile.Path, GuardListFile.Format(NullProbe.Results));
        }

        SortedDictionary<string, SortedSet<string>> measured = NullProbe.CrashSet();
        SortedDictionary<string, SortedSet<string>> committed = GuardListFile.Read();
        Assert.IsNotEmpty(measured, "the probe found no crash at all: WAMR 1.1.2 has some (e.g. wasm_func_call with NULL args)");
        var differences = new List<string>();
        foreach (string function in measured.Keys.Union(committed.Keys).OrderBy(f => f, StringComparer.Ordinal))
        {
            var m = measured.GetValueOrDefault(function) ?? [];
            var c = committed.GetValueOrDefault(function) ?? [];
            foreach (string p in m.Except(c))
            {
                differences.Add($"{function}: '{p}' crashes on NULL but is not guarded");
            }

            foreach (string p in c.Except(m))
            {
                differences.Add($"{function}: '{p}' is guarded but NULL did not crash");
            }
        }

        Assert.IsEmpty(differences, $"Wamr.Runtime/Interop/wasm_c_api.guards differs from the measurement (rerun with {NullProbeReport.UpdateVariable}=1):\n" + string.Join("\n", differences));
    }

    [TestMethod]
    public void ReportIsCurrent()
    {
        string expected = NullProbeReport.Markdown(NullProbe.Results);
        if (NullProbeReport.Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(NullProbeReport.PagePath)!);
            File.WriteAllText(NullProbeReport.PagePath, expected);
        }

        string actual = File.Exists(NullProbeReport.PagePath) ? File.ReadAllText(NullProbeReport.PagePath) : string.Empty;
        Assert.AreEqual(expected, actual, $"docs/null-probe.md is not the current measurement: rerun with {NullProbeReport.UpdateVariable}=1.");
    }

    [TestMethod]
    public void UncheckedCastsReturnTheirArgumentAndRefCastsCheckTheKind()
    {
        var wrongKind = NullProbe.Results.Where(r => r.Mode == "wrong kind").ToList();
        Assert.HasCount(26, wrongKind);
        foreach (NullProbeResult r in wrongKind)
        {
            string expected = r.Function.StartsWith("wasm_ref_as_", StringComparison.Ordinal) ? "NULL" : "argument 0";
            Assert.AreEqual("returned", r.Outcome, r.Function);
            Assert.AreEqual(expected, r.Detail, r.Function);
        }
    }
}
