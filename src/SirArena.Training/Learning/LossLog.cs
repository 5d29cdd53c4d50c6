using System.Globalization;

namespace SirArena.Training.Learning;

/// <summary>
/// The loss log, training/loss.csv: one line per step (step, learning rate, loss, answer loss, text loss, tokens
/// so far, seconds so far), flushed as written so a crash loses nothing. A resumed run appends after dropping any
/// lines past its checkpoint's step, so the file reads as one run.
/// </summary>
public sealed class LossLog : IDisposable
{
    const string Header = "step,lr,loss,answer_loss,text_loss,tokens,seconds";
    readonly StreamWriter writer;

    public LossLog(string path, int resumeAfterStep)
    {
        var kept = File.Exists(path) && resumeAfterStep > 0
            ? File.ReadLines(path).Skip(1).Where(l => int.TryParse(l.Split(',')[0], CultureInfo.InvariantCulture, out int s) && s <= resumeAfterStep).ToList()
            : [];
        writer = new StreamWriter(path, append: false) { AutoFlush = true };
        writer.WriteLine(Header);
        foreach (var line in kept) writer.WriteLine(line);
    }

    public void Write(int step, double lr, double loss, double answer, double text, long tokens, double seconds) =>
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{step},{lr:G6},{loss:F5},{answer:F5},{text:F5},{tokens},{seconds:F1}"));

    public void Dispose() => writer.Dispose();
}
