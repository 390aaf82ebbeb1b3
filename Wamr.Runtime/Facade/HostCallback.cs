using System;

namespace Wamr;

/// <summary>
/// An untyped host function: read <paramref name="arguments"/> (their kinds match the function type's parameters)
/// and write every result into <paramref name="results"/> (sized to the function type's results, with the right kinds).
/// </summary>
/// <remarks>An exception thrown here becomes a WebAssembly trap; the caller's <see cref="TrapException"/> carries it
/// as <see cref="Exception.InnerException"/>. It never unwinds through WAMR's native frames.</remarks>
public delegate void HostCallback(ReadOnlySpan<Val> arguments, Span<Val> results);
