using System;
using System.Threading;
using System.Threading.Tasks;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary>
/// Start functions run by the façade after instantiation (the engine extension takes them away from WAMR's
/// instantiation, which runs them before binding host functions): they may call imports, may be imports, and can be
/// interrupted.
/// </summary>
[TestClass]
public sealed class StartFunctionTests : FacadeTest
{
    [TestMethod]
    public void AStartFunctionMayCallAHostImport()
    {
        Module module = Load("start_import");
        int calls = 0;
        Func init = Func.FromCallback(Store, () => { calls++; });
        _ = new Instance(Store, module, init);
        Assert.AreEqual(1, calls, "the start function called the import once");
        _ = new Instance(Store, module, init);
        Assert.AreEqual(2, calls, "every instantiation runs it");
    }

    [TestMethod]
    public void AnImportedStartFunctionIsCalled()
    {
        int calls = 0;
        _ = new Instance(Store, Load("start_imported"), Func.FromCallback(Store, () => { calls++; }));
        Assert.AreEqual(1, calls);
    }

    [TestMethod]
    public void AHostExceptionInTheStartFunctionFailsInstantiation()
    {
        var problem = new InvalidOperationException("init failed");
        Func init = Func.FromCallback(Store, () => throw problem);
        TrapException e = Assert.ThrowsExactly<TrapException>(() => new Instance(Store, Load("start_import"), init));
        Assert.AreSame(problem, e.InnerException);
        Assert.AreEqual(1, Instantiate("start_ok").GetFunction<int>("ready")!(), "the store stays usable");
    }

    [TestMethod]
    public void ARunawayStartFunctionIsStoppedByAStoreInterrupt()
    {
        Module module = Load("start_loop");
        using (Store.InterruptAfter(TimeSpan.FromMilliseconds(30)))
        {
            CallInterruptedException e = Assert.ThrowsExactly<CallInterruptedException>(() => new Instance(Store, module));
            Assert.AreEqual(InterruptReason.Timeout, e.Reason);
        }

        // From another thread, too.
        Task<bool> interrupter = Task.Run(() =>
        {
            Thread.Sleep(30);
            return Store.Interrupt();
        });
        Assert.ThrowsExactly<CallInterruptedException>(() => new Instance(Store, module));
        Assert.IsTrue(interrupter.Result);
        Assert.AreEqual(1, Instantiate("start_ok").GetFunction<int>("ready")!(), "the store stays usable");
    }

    [TestMethod]
    public void AModuleObtainedInAnotherStoreDefersItsStartFunctionToo()
    {
        using SharedModule shared = Load("start_import").Share();
        int calls = Task.Run(() =>
        {
            using var store = new Store(Engine);
            int count = 0;
            _ = new Instance(store, Module.Obtain(store, shared), Func.FromCallback(store, () => { count++; }));
            return count;
        }).Result;
        Assert.AreEqual(1, calls);
    }
}
