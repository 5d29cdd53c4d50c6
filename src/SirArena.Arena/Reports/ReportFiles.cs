namespace SirArena.Arena.Reports;

/// <summary>The files a report wrote: the Markdown page and the PNG plots beside it (full paths).</summary>
public sealed record ReportFiles(string Markdown, IReadOnlyList<string> Plots);
