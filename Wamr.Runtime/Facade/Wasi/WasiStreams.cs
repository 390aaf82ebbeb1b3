using System;
using System.Collections.Generic;

namespace Wamr;

/// <summary>The background copies of one WASI instance's standard streams (none when they are files or inherited).</summary>
internal sealed class WasiStreams : IDisposable
{
    private readonly WasiOutputPump[] _outputs;
    private readonly WasiInputPump? _input;

    internal WasiStreams(List<WasiOutputPump> outputs, WasiInputPump? input)
    {
        _outputs = outputs.ToArray();
        _input = input;
    }

    /// <summary>Whether anything is copied by a background thread (which the store stops when it is deleted).</summary>
    internal bool HasPumps => _outputs.Length > 0 || _input is not null;

    /// <summary>Copies everything written so far into the streams.</summary>
    /// <exception cref="System.IO.IOException">Writing into a stream failed.</exception>
    internal void Flush()
    {
        foreach (WasiOutputPump output in _outputs)
        {
            output.Flush();
        }
    }

    /// <summary>Copies what is left and stops every copy. Never throws.</summary>
    public void Dispose()
    {
        _input?.Dispose();
        foreach (WasiOutputPump output in _outputs)
        {
            output.Dispose();
        }
    }
}
