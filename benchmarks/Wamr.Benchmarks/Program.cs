using System;

using BenchmarkDotNet.Running;

using Wamr.Benchmarks.Report;

namespace Wamr.Benchmarks;

/// <summary>
/// <c>report [--quick [--write]]</c> compares every path with the raw C baseline (see <see cref="ReportCommand"/>);
/// anything else goes to BenchmarkDotNet's switcher (e.g. <c>--filter *Generation*</c>).
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    /// <param name="args">Command line.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "report")
        {
            return ReportCommand.Run(quick: Array.IndexOf(args, "--quick") > 0, write: Array.IndexOf(args, "--write") > 0);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
