"""The audit as one offline HTML page: tables, per-group bars with intervals, trends (SVG).

Charts are drawn by matplotlib's SVG backend and inlined, so the page needs no network and no
script. Numbers are rounded here, and only here; the JSON keeps full precision.
"""

from __future__ import annotations

import io
from typing import Any

from jinja2 import Environment, select_autoescape

_TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>TrustDesk fairness audit: {{ doc.outcome }}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;
padding:.25rem .6rem;text-align:right}th:first-child,td:first-child{text-align:left}
.bad{color:#a00;font-weight:600}.ok{color:#060}.muted{color:#777}figure{margin:0}
</style></head><body>
<h1>Fairness audit: <code>{{ doc.outcome }}</code></h1>
<p>{{ doc.decisions }} decisions{% if doc.source %} from <code>{{ doc.source.file }}</code>
{% endif %}{% if doc.label %}, ground truth <code>{{ doc.label }}</code>{% endif %}.
Groups below {{ doc.options.min_cell_size }} are suppressed; intervals are
{{ (doc.options.confidence * 100) | round(0) | int }}%; p-values adjusted with
{{ doc.options.correction }} across {{ comparisons }} comparisons.</p>
{% for g in doc.groupings %}
<h2>{{ g.attributes | join(" × ") }}</h2>
<figure>{{ charts[loop.index0] | safe }}</figure>
<table><tr><th>group</th><th>n</th>{% for m in metrics %}<th>{{ m | replace("_", " ") }}</th>
{% endfor %}</tr>
{% for c in g.cells %}<tr><td>{{ c.group.values() | join(" × ") }}</td>
<td>{{ c.n if c.n is not none else "suppressed" }}</td>
{% for m in metrics %}<td>{% if c[m].value is none %}<span class="muted">—</span>{% else %}
{{ "%.3f" | format(c[m].value) }} <span class="muted">[{{ "%.3f" | format(c[m].lower) }},
{{ "%.3f" | format(c[m].upper) }}]</span>{% endif %}</td>{% endfor %}</tr>
{% endfor %}</table>
<table><tr><th>metric</th><th>value</th><th>interval</th><th>adjusted p</th></tr>
{% for name, f in g.fairness.items() %}{% if name == "four_fifths_rule" %}
<tr><td>four-fifths rule (ratio ≥ 0.8)</td><td class="{{ 'ok' if f else 'bad' }}">
{{ "passes" if f else ("fails" if f is not none else "—") }}</td><td></td><td></td></tr>
{% else %}<tr><td>{{ name | replace("_", " ") }}</td>
<td>{{ "%.3f" | format(f.value) if f.value is not none else "—" }}</td>
<td>{% if f.lower is not none %}[{{ "%.3f" | format(f.lower) }},
{{ "%.3f" | format(f.upper) }}]{% endif %}</td><td>{{ p_for(g, name) }}</td></tr>
{% endif %}{% endfor %}</table>
{% endfor %}
{% if trend_chart %}<h2>Over time ({{ doc.trend.period }})</h2>
<figure>{{ trend_chart | safe }}</figure>{% endif %}
</body></html>
"""

_TEST_OF = {
    "demographic_parity": "selection_rate",
    "equal_opportunity": "true_positive_rate",
}


def _svg(fig: Any) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    text = buf.getvalue()
    return text[text.index("<svg"):]


def _bars(grouping: dict[str, Any], metric: str) -> str:
    from matplotlib.figure import Figure

    cells = [c for c in grouping["cells"] if c[metric]["value"] is not None]
    labels = [" × ".join(c["group"].values()) for c in cells]
    values = [c[metric]["value"] for c in cells]
    err = [[v - c[metric]["lower"] for v, c in zip(values, cells, strict=True)],
           [c[metric]["upper"] - v for v, c in zip(values, cells, strict=True)]]
    fig = Figure(figsize=(7, 0.35 * max(len(cells), 2) + 0.8))
    ax = fig.subplots()
    ax.barh(labels, values, xerr=err, color="#4878a8", ecolor="#222", capsize=3)
    overall = grouping["overall"].get(metric)
    if overall is not None:
        ax.axvline(overall, color="#a00", linestyle="--", linewidth=1, label="overall")
        ax.legend(loc="lower right", fontsize=8)
    ax.set_xlim(0, 1)
    ax.set_xlabel(metric.replace("_", " "))
    ax.invert_yaxis()
    return _svg(fig)


def _trend(points: list[dict[str, Any]]) -> str:
    from matplotlib.figure import Figure

    attrs = sorted({p["attribute"] for p in points})
    fig = Figure(figsize=(7, 2.6 * len(attrs)))
    axes = fig.subplots(len(attrs), 1, squeeze=False)
    for ax, a in zip(axes[:, 0], attrs, strict=True):
        mine = [p for p in points if p["attribute"] == a]
        periods = [p["period"] for p in mine]
        groups = sorted({g for p in mine for g in p["selection_rate"]})
        for g in groups:
            ys = [p["selection_rate"].get(g) for p in mine]
            ax.plot(periods, [float("nan") if y is None else y for y in ys], marker="o",
                    label=g)
        ax.set_title(a, fontsize=10)
        ax.set_ylim(0, 1)
        ax.set_ylabel("selection rate")
        ax.tick_params(axis="x", labelrotation=45, labelsize=7)
        ax.legend(fontsize=7, ncol=4)
    fig.tight_layout()
    return _svg(fig)


def render_html(document: dict[str, Any]) -> str:
    """The rate report as HTML (the gap report is rendered as its tables)."""
    import matplotlib

    matplotlib.use("svg")
    if document.get("kind") != "rate":
        raise ValueError("the HTML report needs a 0/1 outcome (a rate report)")
    metrics = [m for m in ("selection_rate", "true_positive_rate", "false_positive_rate")
               if document["groupings"] and m in document["groupings"][0]["overall"]]
    charts = [_bars(g, "selection_rate") for g in document["groupings"]]
    points = document.get("trend", {}).get("points", [])
    comparisons = sum(len(g["tests"]) for g in document["groupings"])

    def p_for(grouping: dict[str, Any], name: str) -> str:
        stem = name.rsplit("_", 1)[0]
        test = grouping["tests"].get(_TEST_OF.get(stem, ""))
        return "" if test is None else f"{test['p_adjusted']:.3g}"

    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    return env.from_string(_TEMPLATE).render(
        doc=document, charts=charts, metrics=metrics, comparisons=comparisons,
        trend_chart=_trend(points) if points else None, p_for=p_for,
    )
