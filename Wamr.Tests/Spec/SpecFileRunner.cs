using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Threading;

using Wamr.Compiler;

namespace Wamr.Tests.Spec;

/// <summary>
/// Runs every command of one <c>.wast</c> file's <c>wast2json</c> script through the façade (<c>Wamr</c>): one engine,
/// store and <see cref="Linker"/> per file, the <c>spectest</c> host module of <see cref="SpecHost"/>, modules registered
/// under their names. A trap, link error or any exception of one command becomes that command's outcome; nothing ends
/// the run early.
/// </summary>
public sealed class SpecFileRunner
{
    /// <summary>How long one file may run before the test gives up on it (the whole suite takes well under this).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly string _file;
    private readonly SpecMode _mode;
    private readonly Action<int>? _starting;
    private readonly Action<SpecOutcome>? _finished;
    private readonly string _directory;
    private readonly SpecValues _values = new();
    private readonly Dictionary<string, ModuleSlot> _named = new(StringComparer.Ordinal);
    private readonly List<SpecOutcome> _outcomes = new();
    private Store _store = null!;
    private Linker _linker = null!;
    private ModuleSlot? _current;

    private SpecFileRunner(string file, SpecMode mode, Action<int>? starting, Action<SpecOutcome>? finished)
    {
        _file = file;
        _mode = mode;
        _starting = starting;
        _finished = finished;
        _directory = Path.GetDirectoryName(SpecSuite.JsonPath(file))!;
    }

    /// <summary>
    /// Runs <paramref name="wastFile"/> on a thread of its own (a large native stack, so deep host-forwarded recursion
    /// cannot overflow it) and waits at most <see cref="Timeout"/>.
    /// </summary>
    /// <param name="wastFile">The file.</param>
    /// <param name="mode">How modules are loaded: interpreted, or compiled ahead of time and then loaded.</param>
    /// <param name="starting">Called with each command's line before it runs (the precompiled child process reports it,
    /// so that a crash can be placed).</param>
    /// <param name="finished">Called with each outcome as soon as it is known.</param>
    /// <exception cref="TimeoutException">The file did not finish in time (its thread is abandoned).</exception>
    public static IReadOnlyList<SpecOutcome> Run(
        string wastFile, SpecMode mode = SpecMode.Interpreted, Action<int>? starting = null, Action<SpecOutcome>? finished = null)
    {
        var runner = new SpecFileRunner(wastFile, mode, starting, finished);
        ExceptionDispatchInfo? error = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    runner.RunAll();
                }
                catch (Exception e)
                {
                    error = ExceptionDispatchInfo.Capture(e);
                }
            },
            16 * 1024 * 1024)
        {
            IsBackground = true,
            Name = "spec " + wastFile,
        };
        thread.Start();
        if (!thread.Join(Timeout))
        {
            throw new TimeoutException($"{wastFile} did not finish within {Timeout.TotalSeconds} s.");
        }

        error?.Throw();
        return runner._outcomes;
    }

    private void RunAll()
    {
        using JsonDocument script = JsonDocument.Parse(File.ReadAllBytes(SpecSuite.JsonPath(_file)));
        using var engine = new Engine();
        using (_store = new Store(engine))
        {
            _linker = new Linker { AllowShadowing = true };
            SpecHost.Define(_linker, _store);
            foreach (JsonElement command in script.RootElement.GetProperty("commands").EnumerateArray())
            {
                string type = command.GetProperty("type").GetString()!;
                int line = command.GetProperty("line").GetInt32();
                SpecOutcome outcome;
                _starting?.Invoke(line);
                try
                {
                    outcome = Execute(type, line, command);
                }
                catch (ModuleUnavailableException e)
                {
                    outcome = new SpecOutcome(_file, line, type, SpecStatus.Failed, e.Category, e.Message);
                }
                catch (Exception e)
                {
                    outcome = Failed(line, type, Describe(e));
                }

                _outcomes.Add(outcome);
                _finished?.Invoke(outcome);
            }
        }
    }

    private SpecOutcome Execute(string type, int line, JsonElement command)
    {
        switch (type)
        {
            case "module":
                return RunModule(line, command);
            case "register":
                {
                    ModuleSlot slot = Slot(command.TryGetProperty("name", out JsonElement name) ? name.GetString() : null);
                    _linker.DefineInstance(command.GetProperty("as").GetString()!, slot.Instance);
                    return Passed(line, type);
                }

            case "action":
                Perform(command.GetProperty("action"));
                return Passed(line, type);
            case "assert_return":
                return AssertReturn(line, command);
            case "assert_trap":
            case "assert_exhaustion":
                return AssertTrap(line, type, command);
            case "assert_invalid":
            case "assert_malformed":
                return AssertRejected(line, type, command);
            case "assert_unlinkable":
            case "assert_uninstantiable":
                return AssertNotInstantiated(line, type, command);
            default:
                throw new FormatException($"unknown command type {type}");
        }
    }

    private SpecOutcome RunModule(int line, JsonElement command)
    {
        string? name = command.TryGetProperty("name", out JsonElement n) ? n.GetString() : null;
        ModuleSlot slot;
        SpecOutcome outcome;
        try
        {
            Module module = LoadModule(File.ReadAllBytes(Path.Combine(_directory, command.GetProperty("filename").GetString()!)));
            slot = new ModuleSlot(_linker.Instantiate(_store, module), line, null, null);
            outcome = Passed(line, "module");
        }
        catch (Exception e)
        {
            outcome = Failed(line, "module", Describe(e));
            slot = new ModuleSlot(null, line, outcome.Detail, outcome.Category);
        }

        _current = slot;
        if (name is not null)
        {
            _named[name] = slot;
        }

        return outcome;
    }

    private SpecOutcome AssertReturn(int line, JsonElement command)
    {
        Val[] results = Perform(command.GetProperty("action"));
        JsonElement expected = command.GetProperty("expected");
        int count = expected.GetArrayLength();
        bool same = results.Length == count;
        for (int i = 0; same && i < count; i++)
        {
            same = _values.Matches(expected[i], results[i]);
        }

        if (same)
        {
            return Passed(line, "assert_return");
        }

        var wanted = new List<string>();
        foreach (JsonElement e in expected.EnumerateArray())
        {
            wanted.Add(SpecValues.Describe(e));
        }

        return Failed(line, "assert_return", $"returned {Show(results)} instead of {string.Join(" ", wanted)}");
    }

    private SpecOutcome AssertTrap(int line, string type, JsonElement command)
    {
        Val[] results;
        try
        {
            results = Perform(command.GetProperty("action"));
        }
        catch (TrapException trap) when (type == "assert_trap" || trap.TrapMessage.Contains("stack overflow", StringComparison.Ordinal))
        {
            return Passed(line, type);
        }

        return Failed(line, type, $"returned {Show(results)} instead of trapping ({command.GetProperty("text").GetString()})");
    }

    private SpecOutcome AssertRejected(int line, string type, JsonElement command)
    {
        if (command.GetProperty("module_type").GetString() != "binary")
        {
            return new SpecOutcome(_file, line, type, SpecStatus.NotApplicable, null, "a module in the text format");
        }

        byte[] bytes = File.ReadAllBytes(Path.Combine(_directory, command.GetProperty("filename").GetString()!));
        try
        {
            LoadModule(bytes);
        }
        catch (WasmException)
        {
            return Passed(line, type);
        }

        return Failed(line, type, $"accepted a module the specification rejects ({command.GetProperty("text").GetString()})");
    }

    private SpecOutcome AssertNotInstantiated(int line, string type, JsonElement command)
    {
        try
        {
            Module module = LoadModule(File.ReadAllBytes(Path.Combine(_directory, command.GetProperty("filename").GetString()!)));
            _linker.Instantiate(_store, module);
        }
        catch (WasmException e) when (type == "assert_unlinkable" && LinkErrorAtLoad(e))
        {
            // WAMR's loader knows spectest's table and memory and checks imports of them while loading.
            return Passed(line, type);
        }
        catch (LinkException) when (type == "assert_unlinkable")
        {
            return Passed(line, type);
        }
        catch (TrapException) when (type == "assert_uninstantiable")
        {
            return Passed(line, type);
        }

        return Failed(line, type, $"instantiated a module the specification says {(type == "assert_unlinkable" ? "cannot be linked" : "traps when instantiated")} ({command.GetProperty("text").GetString()})");
    }

    /// <summary>Whether WAMR's loader refused a module for an import it cannot satisfy (its link check at load time).</summary>
    private static bool LinkErrorAtLoad(WasmException e) =>
        e is not TrapException and not LinkException
        && (e.Message.EndsWith("unknown import", StringComparison.Ordinal) || e.Message.EndsWith("incompatible import type", StringComparison.Ordinal));

    private Val[] Perform(JsonElement action)
    {
        ModuleSlot slot = Slot(action.TryGetProperty("module", out JsonElement m) ? m.GetString() : null);
        string field = action.GetProperty("field").GetString()!;
        switch (action.GetProperty("type").GetString())
        {
            case "invoke":
                {
                    Func function = slot.Instance.GetFunction(field)
                        ?? throw new InvalidOperationException($"the module of line {slot.Line} exports no function \"{field}\"");
                    JsonElement args = action.GetProperty("args");
                    var arguments = new Val[args.GetArrayLength()];
                    for (int i = 0; i < arguments.Length; i++)
                    {
                        arguments[i] = _values.Argument(args[i]);
                    }

                    return function.Call(arguments);
                }

            case "get":
                {
                    Global global = slot.Instance.GetGlobal(field)
                        ?? throw new InvalidOperationException($"the module of line {slot.Line} exports no global \"{field}\"");
                    return [global.GetValue()];
                }

            default:
                throw new FormatException($"unknown action {action}");
        }
    }

    private ModuleSlot Slot(string? name)
    {
        ModuleSlot slot = (name is null ? _current : _named.GetValueOrDefault(name))
            ?? throw new InvalidOperationException(name is null ? "no module was defined before this command" : $"no module is named {name}");
        if (slot.FailedDetail is not null)
        {
            throw new ModuleUnavailableException($"the module of line {slot.Line} was not instantiated: {slot.FailedDetail}", slot.FailedCategory);
        }

        return slot;
    }

    /// <summary>A module from its binary: loaded, or in <see cref="SpecMode.Precompiled"/> compiled by
    /// <see cref="AotCompiler"/> (whose loader rejects what the runtime's would) and then loaded precompiled.</summary>
    private Module LoadModule(byte[] wasm) => _mode == SpecMode.Interpreted
        ? Module.FromBytes(_store, wasm)
        : Module.FromPrecompiled(_store, AotCompiler.Compile(wasm));

    private SpecOutcome Passed(int line, string type) => new(_file, line, type, SpecStatus.Passed, null, string.Empty);

    private SpecOutcome Failed(int line, string type, string detail) =>
        new(_file, line, type, SpecStatus.Failed, SpecFailureCategory.Classify(type, detail), detail);

    private static string Show(Val[] results) =>
        results.Length == 0 ? "nothing" : string.Join(" ", Array.ConvertAll(results, SpecValues.Describe));

    private static string Describe(Exception e) => OneLine(e switch
    {
        TrapException trap => "TrapException: " + trap.TrapMessage,
        _ => e.GetType().Name + ": " + e.Message,
    });

    /// <summary>One line of printable text: lines joined with "; ", other control characters as <c>\xx</c> (names in the
    /// suite contain NUL and other control characters).</summary>
    private static string OneLine(string text)
    {
        string joined = string.Join("; ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Replace(":;", ":", StringComparison.Ordinal);
        var printable = new System.Text.StringBuilder(joined.Length);
        foreach (char c in joined)
        {
            if (char.IsControl(c))
            {
                printable.Append('\\').Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                printable.Append(c);
            }
        }

        return printable.ToString();
    }

    /// <summary>A module command's result: its instance, or why there is none.</summary>
    private sealed record ModuleSlot(Instance? InstanceOrNull, int Line, string? FailedDetail, string? FailedCategory)
    {
        public Instance Instance => InstanceOrNull!;
    }

    /// <summary>An action on a module whose instantiation failed: fails for the module's reason.</summary>
    private sealed class ModuleUnavailableException(string message, string? category) : Exception(message)
    {
        public string? Category { get; } = category;
    }
}
