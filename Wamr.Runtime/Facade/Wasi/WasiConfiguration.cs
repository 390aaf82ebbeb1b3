using System;
using System.Collections.Generic;
using System.IO;

namespace Wamr;

/// <summary>
/// What a WASI program (a module importing <c>wasi_snapshot_preview1</c>) sees of the world: its arguments, environment
/// variables, the host directories it may use and under which paths, and its standard input, output and error.
/// Given to an instance through <see cref="InstanceOptions.Wasi"/>; everything is copied when the instance is
/// created, so one configuration serves any number of instances, and later changes affect only later instances.
/// </summary>
/// <remarks>
/// <para>By default a program gets nothing: no arguments, no environment, no directories, an empty standard input,
/// and its output is discarded. Nothing of the host is visible unless given here.</para>
/// <para>A program can use only the preopened directories, each under its guest path; paths that leave them
/// (<c>../</c>, absolute paths elsewhere, symbolic links pointing outside) are refused by WAMR's WASI.</para>
/// <para>Not thread-safe while it is being changed; creating instances from it concurrently is fine.</para>
/// </remarks>
public sealed class WasiConfiguration
{
    private readonly List<string> _arguments = new();
    private readonly List<KeyValuePair<string, string>> _environment = new();
    private readonly List<WasiPreopenedDirectory> _directories = new();

    /// <summary>The arguments as the program sees them (<c>argv</c>), the program's name first by convention.</summary>
    public IReadOnlyList<string> Arguments => _arguments;

    /// <summary>The environment variables, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> EnvironmentVariables => _environment;

    /// <summary>The preopened directories, in order (WASI descriptors 3, 4, ...).</summary>
    public IReadOnlyList<WasiPreopenedDirectory> PreopenedDirectories => _directories;

    /// <summary>Standard input (default <see cref="WasiInput.Empty"/>).</summary>
    public WasiInput StandardInput { get; private set; } = WasiInput.Empty;

    /// <summary>Standard output (default <see cref="WasiOutput.Discard"/>).</summary>
    public WasiOutput StandardOutput { get; private set; } = WasiOutput.Discard;

    /// <summary>Standard error (default <see cref="WasiOutput.Discard"/>).</summary>
    public WasiOutput StandardError { get; private set; } = WasiOutput.Discard;

    /// <summary>Appends arguments (<c>argv</c>; the first is by convention the program's name).</summary>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="arguments"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">An argument contains a NUL character.</exception>
    public WasiConfiguration WithArguments(params string[] arguments) => WithArguments((IEnumerable<string>)arguments);

    /// <summary>Appends arguments (<c>argv</c>; the first is by convention the program's name).</summary>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="arguments"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">An argument contains a NUL character.</exception>
    public WasiConfiguration WithArguments(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var checkedArguments = new List<string>();
        int index = 0;
        foreach (string argument in arguments)
        {
            if (argument is null)
            {
                throw new ArgumentNullException(nameof(arguments), $"Argument {_arguments.Count + index} is null.");
            }

            ThrowIfNul(argument, $"Argument {_arguments.Count + index}", nameof(arguments));
            checkedArguments.Add(argument);
            index++;
        }

        _arguments.AddRange(checkedArguments);
        return this;
    }

    /// <summary>Adds (or replaces) an environment variable.</summary>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException">The name is empty or contains '=', or either contains a NUL character.</exception>
    public WasiConfiguration WithEnvironmentVariable(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (name.Length == 0 || name.Contains('=', StringComparison.Ordinal))
        {
            throw new ArgumentException($"An environment variable's name must be non-empty and contain no '=': \"{name}\".", nameof(name));
        }

        ThrowIfNul(name, "The variable's name", nameof(name));
        ThrowIfNul(value, $"The value of {name}", nameof(value));
        int existing = _environment.FindIndex(pair => pair.Key == name);
        if (existing >= 0)
        {
            _environment[existing] = new(name, value);
        }
        else
        {
            _environment.Add(new(name, value));
        }

        return this;
    }

    /// <summary>Adds (or replaces) environment variables.</summary>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="variables"/>, a name or a value is null.</exception>
    /// <exception cref="ArgumentException">A name is empty or contains '=', or a NUL character.</exception>
    public WasiConfiguration WithEnvironmentVariables(IEnumerable<KeyValuePair<string, string>> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        foreach (KeyValuePair<string, string> variable in variables)
        {
            WithEnvironmentVariable(variable.Key, variable.Value);
        }

        return this;
    }

    /// <summary>Lets the program use the host directory <paramref name="hostPath"/> under <paramref name="guestPath"/>
    /// (for example <c>/data</c>, <c>sandbox</c> or <c>.</c>), with everything below it. The two paths may differ.</summary>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentNullException">A path is null.</exception>
    /// <exception cref="ArgumentException">A path is empty or contains a NUL character, or the guest path is given twice.</exception>
    /// <exception cref="DirectoryNotFoundException"><paramref name="hostPath"/> is not an existing directory.</exception>
    public WasiConfiguration WithPreopenedDirectory(string hostPath, string guestPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(hostPath);
        ArgumentException.ThrowIfNullOrEmpty(guestPath);
        ThrowIfNul(hostPath, "The host path", nameof(hostPath));
        ThrowIfNul(guestPath, "The guest path", nameof(guestPath));
        string full = Path.GetFullPath(hostPath);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"The directory to preopen does not exist: {full}");
        }

        if (_directories.Exists(directory => directory.GuestPath == guestPath))
        {
            throw new ArgumentException($"The guest path \"{guestPath}\" is preopened already.", nameof(guestPath));
        }

        _directories.Add(new WasiPreopenedDirectory(full, guestPath));
        return this;
    }

    /// <summary>Sets standard input.</summary>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    public WasiConfiguration WithStandardInput(WasiInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        StandardInput = input;
        return this;
    }

    /// <summary>Sets standard output.</summary>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
    public WasiConfiguration WithStandardOutput(WasiOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        StandardOutput = output;
        return this;
    }

    /// <summary>Sets standard error.</summary>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
    public WasiConfiguration WithStandardError(WasiOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        StandardError = output;
        return this;
    }

    /// <summary>Standard input, output and error of the host process (<see cref="WasiInput.Inherit"/>,
    /// <see cref="WasiOutput.Inherit"/>).</summary>
    /// <returns>This configuration.</returns>
    public WasiConfiguration WithInheritedStandardStreams()
    {
        StandardInput = WasiInput.Inherit;
        StandardOutput = WasiOutput.Inherit;
        StandardError = WasiOutput.Inherit;
        return this;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"WASI: {_arguments.Count} argument(s), {_environment.Count} variable(s), {_directories.Count} directory(ies), " +
        $"stdin {StandardInput}, stdout {StandardOutput}, stderr {StandardError}";

    private static void ThrowIfNul(string text, string what, string parameter)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{what} contains a NUL character, which C strings cannot carry.", parameter);
        }
    }
}
