using System;
using System.Collections.Generic;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary>
/// Modules one byte away from <c>mutable.wasm</c>: every value type in its type section replaced by every other. Through
/// <c>wasm_func_call</c>, a one-byte change that turns a result into a reference crashed WAMR 1.1.2; through the engine
/// extension every such module either is refused at load or calls cleanly (a result or a .NET exception).
/// </summary>
[TestClass]
public sealed class MutatedReferenceModuleTests : FacadeTest
{
    private static readonly byte[] ValueTypes = [0x7F, 0x7E, 0x7D, 0x7C, 0x70, 0x6F];

    [TestMethod]
    public void EveryOneByteTypeChangeLoadsAndCallsWithoutCrashing()
    {
        byte[] original = ModuleBytes("mutable");
        (int start, int end) = TypeSection(original);
        int loaded = 0, called = 0, refused = 0, reference = 0;
        var outcomes = new HashSet<string>();
        for (int at = start; at < end; at++)
        {
            if (Array.IndexOf(ValueTypes, original[at]) < 0)
            {
                continue;
            }

            foreach (byte replacement in ValueTypes)
            {
                if (replacement == original[at])
                {
                    continue;
                }

                byte[] mutated = (byte[])original.Clone();
                mutated[at] = replacement;
                Module module;
                try
                {
                    module = Module.FromBytes(Store, mutated);
                }
                catch (WasmException)
                {
                    refused++;
                    continue;
                }

                loaded++;
                var instance = new Instance(Store, module);
                foreach (Extern export in instance.Exports)
                {
                    if (export is not Func func)
                    {
                        continue;
                    }

                    var arguments = new Val[func.ParameterCount];
                    for (int i = 0; i < arguments.Length; i++)
                    {
                        arguments[i] = Val.Default(func.Type.Parameters[i].Kind);
                    }

                    reference += func.Type.HasReferences ? 1 : 0;
                    try
                    {
                        Val[] results = func.Call(arguments);
                        Assert.AreEqual(func.ResultCount, results.Length);
                        for (int i = 0; i < results.Length; i++)
                        {
                            Assert.AreEqual(func.Type.Results[i].Kind, results[i].Kind, $"result {i} of {func} in mutation at {at}");
                        }

                        called++;
                        outcomes.Add("result");
                    }
                    catch (TrapException e)
                    {
                        outcomes.Add("trap: " + e.TrapMessage);
                    }
                }
            }
        }

        Assert.IsTrue(loaded > 10, $"only {loaded} mutations loaded ({refused} refused)");
        Assert.IsTrue(refused > 10, $"only {refused} mutations were refused");
        Assert.IsTrue(called > 100, $"only {called} calls returned");
        Assert.IsTrue(reference > 100, $"only {reference} calls had references");
        Assert.IsTrue(outcomes.Contains("trap: unreachable"), string.Join(", ", outcomes));
    }

    /// <summary>The byte range of the type section's contents.</summary>
    private static (int Start, int End) TypeSection(byte[] module)
    {
        int at = 8;
        while (at < module.Length)
        {
            byte id = module[at++];
            int size = 0, shift = 0;
            byte b;
            do
            {
                b = module[at++];
                size |= (b & 0x7F) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0);

            if (id == 1)
            {
                return (at, at + size);
            }

            at += size;
        }

        throw new InvalidOperationException("mutable.wasm has no type section");
    }
}
