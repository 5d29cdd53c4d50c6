using System.CommandLine;
using System.Runtime.InteropServices;
using SirArena.Cli;
using SirArena.Llm.Runtime;

// First, since the first use of TorchSharp anywhere in a verb loads libtorch and starts its threads.
TorchRuntime.PrepareProcess();

// Ctrl+C and SIGTERM ask the running verb to stop after the round in flight (it then writes its summary and closes
// its replay); a second signal ends the process at once. System.CommandLine's own handler is off: it raced the
// verb's completion on SIGTERM and crashed on exit.
using var stop = new CancellationTokenSource();
void OnSignal(PosixSignalContext context)
{
    if (stop.IsCancellationRequested) return;
    context.Cancel = true;
    stop.Cancel();
}
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

return await SirArenaCommandLine.InvokeAsync(args, new InvocationConfiguration { ProcessTerminationTimeout = null }, stop.Token);
