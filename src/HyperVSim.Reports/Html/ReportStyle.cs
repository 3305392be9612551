namespace HyperVSim.Reports.Html;

/// <summary>The page's inline style sheet: a readable column on a laptop screen, the system's own fonts, nothing fetched.</summary>
internal static class ReportStyle
{
    public const string Css = """
        :root { color-scheme: light; --fg: #1d2433; --muted: #5b6475; --line: #d9dee7; --band: #f4f6fa; --accent: #1f5fa8; --bad: #b42318; --ok: #067647; }
        * { box-sizing: border-box; }
        body { margin: 0; padding: 1.5rem 1rem 3rem; color: var(--fg); background: #fff;
          font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif; }
        .page { max-width: 1120px; margin: 0 auto; }
        header { border-bottom: 2px solid var(--line); margin-bottom: 1.5rem; padding-bottom: 1rem; }
        h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
        h1 .kicker { display: block; font-size: .8rem; font-weight: 600; letter-spacing: .06em; text-transform: uppercase; color: var(--muted); }
        h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
        dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: .5rem 1.5rem; margin: 1rem 0; }
        dl.facts div { background: var(--band); border-radius: 6px; padding: .45rem .7rem; }
        dl.facts dt { font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
        dl.facts dd { margin: 0; font-size: 1.05rem; font-weight: 600; font-variant-numeric: tabular-nums; }
        nav ul { list-style: none; padding: 0; margin: .5rem 0 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
        a { color: var(--accent); text-decoration: none; }
        a:hover { text-decoration: underline; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: .88rem; font-variant-numeric: tabular-nums; }
        caption { text-align: left; color: var(--muted); padding-bottom: .4rem; }
        th, td { padding: .35rem .5rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; white-space: nowrap; }
        th { background: var(--band); font-weight: 600; }
        td.num, th.num { text-align: right; }
        table.compact { width: auto; min-width: 50%; }
        td.wrap { white-space: normal; min-width: 13rem; }
        tbody tr:nth-child(even) { background: #fafbfd; }
        .result-completed { color: var(--ok); font-weight: 600; }
        .result-failed, .result-cancelled, .result-unfinished { color: var(--bad); font-weight: 600; }
        .note { color: var(--muted); font-style: italic; }
        figure { margin: 1.5rem 0 2rem; }
        figure svg { display: block; width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; }
        figure .note { border: 1px dashed var(--line); border-radius: 6px; padding: 1.25rem; margin: 0; }
        figcaption { margin-top: .5rem; color: var(--muted); font-size: .9rem; }
        figcaption strong { color: var(--fg); }
        footer { margin-top: 3rem; padding-top: .75rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .8rem; }
        @media print { body { padding: 0; } figure { break-inside: avoid; } }
        """;
}
