using System;
using System.Text.Json;

using Wamr.Tests.Spec;

if (args.Length != 2 || !Enum.TryParse(args[0], ignoreCase: true, out SpecMode mode))
{
    Console.Error.WriteLine("usage: Wamr.SpecRunner <interpreted|precompiled> <file.wast>");
    return 2;
}

// Each line is flushed as soon as it is written, so that the parent sees how far a crashing file got.
var output = Console.Out;
SpecFileRunner.Run(
    args[1],
    mode,
    line =>
    {
        output.WriteLine("> " + line);
        output.Flush();
    },
    outcome =>
    {
        output.WriteLine(JsonSerializer.Serialize(outcome));
        output.Flush();
    });

output.WriteLine("done");
output.Flush();
return 0;
