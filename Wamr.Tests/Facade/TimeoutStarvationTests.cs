using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary>
/// Timeouts fire from their own thread (<c>InterruptDeadlines</c>), so a starved thread pool does not delay them: every
/// pool thread blocked, a call with a 50 ms timeout still stops in time. (With <see cref="Timer"/> callbacks, which wait
/// for a free pool thread, the same call ran until the pool grew: half a second or more.)
/// </summary>
[TestClass]
[DoNotParallelize] // it starves the process's thread pool on purpose
public sealed class TimeoutStarvationTests : FacadeTest
{
    [TestMethod]
    public void ATimeoutFiresWhileEveryPoolThreadIsBlocked()
    {
        var instance = new Instance(Store, Load("loops"), Func.FromCallback(Store, (int x) => x));
        Func count = instance.GetFunction("count")!;
        Assert.ThrowsExactly<CallInterruptedException>(() => count.Call(TimeSpan.FromMilliseconds(1), Val.I32(-1)), "warm-up");

        ThreadPool.GetMinThreads(out int workers, out _);
        using var release = new ManualResetEventSlim();
        using var allBlocked = new CountdownEvent(workers);
        var blockers = new List<Task>();
        for (int i = 0; i < workers + 8; i++)
        {
            blockers.Add(Task.Run(() =>
            {
                if (!allBlocked.IsSet)
                {
                    allBlocked.Signal();
                }

                release.Wait();
            }));
        }

        try
        {
            Assert.IsTrue(allBlocked.Wait(TimeSpan.FromSeconds(10)), "the pool's threads did not all start");
            var clock = Stopwatch.StartNew();
            CallInterruptedException e = Assert.ThrowsExactly<CallInterruptedException>(() => count.Call(TimeSpan.FromMilliseconds(50), Val.I32(-1)));
            clock.Stop();
            Assert.AreEqual(InterruptReason.Timeout, e.Reason);
            Assert.IsLessThan(400, clock.ElapsedMilliseconds, $"the 50 ms timeout fired after {clock.ElapsedMilliseconds} ms");
        }
        finally
        {
            release.Set();
            Task.WaitAll(blockers.ToArray());
        }
    }
}
