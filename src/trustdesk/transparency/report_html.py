"""The transparency report as one offline HTML page: tables and hand-drawn inline SVG bars.

No script, no font or stylesheet from the network; the charts scale with the screen width
(viewBox), so the page reads on a phone. Numbers are rounded here only; the JSON keeps all.
"""

from __future__ import annotations

from html import escape
from typing import Any

from jinja2 import Environment, select_autoescape

KIND_COLOURS = {"reply": "#2b7a4b", "review": "#c98a1a", "handoff": "#8a3b8f"}

_TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Transparency report{% if r.deployment %}: {{ r.deployment }}{% endif %}</title>
<style>
body{font-family:system-ui,sans-serif;margin:1rem auto;max-width:48rem;padding:0 1rem;
color:#222;line-height:1.4}table{border-collapse:collapse;width:100%;margin:.5rem 0 1.25rem}
td,th{border-bottom:1px solid #ddd;padding:.3rem .4rem;text-align:right}
td:first-child,th:first-child{text-align:left}.muted{color:#666}svg{width:100%;height:auto}
.legend span{display:inline-block;margin-right:1rem}.sw{display:inline-block;width:.8rem;
height:.8rem;margin-right:.3rem;vertical-align:middle}
</style></head><body>
<h1>Transparency report{% if r.deployment %}: {{ r.deployment }}{% endif %}</h1>
<p class="muted">From {{ r.since or "the first record" }} to {{ r.until or r.generated_at }};
generated {{ r.generated_at }}. Counts come from the stored, sealed decisions.</p>
<h2>What the AI did</h2>
<table>
<tr><td>Decisions</td><td>{{ r.decisions.total }}</td></tr>
<tr><td>Answered automatically (automation rate)</td><td>{{ rate(r.automation_rate) }}</td></tr>
<tr><td>AI answers sent (automatic + approved drafts)</td><td>{{ r.ai_answers_sent }}</td></tr>
<tr><td>Held for a person's review</td><td>{{ r.held_for_review }}</td></tr>
<tr><td>Handed to a person</td><td>{{ r.handoffs.total }}</td></tr>
</table>
{% if r.by_period.rows %}<h3>Decisions per {{ r.by_period.period }}</h3>
<p class="legend">{% for k, c in colours.items() %}<span><i class="sw" style="background:{{ c }}">
</i>{{ k }}</span>{% endfor %}</p>
{{ period_chart | safe }}{% endif %}
<h2>People in the loop</h2>
<table>
<tr><th>review outcome</th><th>n</th></tr>
<tr><td>approved as drafted</td><td>{{ r.review_outcomes.approved }}</td></tr>
<tr><td>edited</td><td>{{ r.review_outcomes.edited }}</td></tr>
<tr><td>rejected</td><td>{{ r.review_outcomes.rejected }}</td></tr>
<tr><td>still open</td><td>{{ r.review_outcomes.open }}</td></tr>
<tr><td>override rate (edited + rejected of decided)</td>
<td>{{ rate(r.review_outcomes.override_rate) }}</td></tr>
<tr><td>decided within the SLA</td><td>{{ rate(r.sla.compliance) }}</td></tr>
<tr><td>escalated as overdue</td><td>{{ r.sla.escalated }}</td></tr>
</table>
<h3>Handoffs by reason</h3>
{% if r.handoffs.by_reason_code %}{{ reason_chart | safe }}{% else %}<p>None.</p>{% endif %}
<p class="muted">{{ r.handoffs.handed_back_to_ai }} conversations were handed back to the AI.</p>
<h2>What customers said and asked</h2>
<table><tr><th>ratings (1-5)</th><th>n</th><th>mean</th></tr>
{% for who, v in r.csat.items() %}<tr><td>{{ who | replace("_", " ") }}</td><td>{{ v.n }}</td>
<td>{{ "%.2f" | format(v.mean) }}</td></tr>{% else %}<tr><td colspan="3">No ratings.</td></tr>
{% endfor %}</table>
<table>
<tr><td>Opted out of AI</td><td>{{ r.opt_outs }}</td></tr>
<tr><td>Appeals (decisions contested)</td><td>{{ r.appeals.total }}{% if r.appeals.total %}
({{ r.appeals.upheld }} upheld, {{ r.appeals.overturned }} overturned, {{ r.appeals.open }} open;
overturned {{ rate(r.appeals.overturn_rate) }} of those decided){% endif %}</td></tr>
<tr><td>Asked for a person after an AI answer</td><td>{{ r.contested_after_ai_answer }}</td></tr>
<tr><td>Data-subject requests</td><td>{{ r.data_subject_requests.by_kind.values() | sum }}
{% if r.data_subject_requests.by_kind %}({% for k, n in r.data_subject_requests.by_kind.items()
%}{{ k }} {{ n }}{% if not loop.last %}, {% endif %}{% endfor %}){% endif %}</td></tr>
<tr><td>Data-subject requests answered late or overdue</td>
<td>{{ r.data_subject_requests.late }}</td></tr>
<tr><td>Times the AI was paused</td><td>{{ r.ai_pauses.values() | sum }}</td></tr>
</table>
<p class="muted">{{ r.appeals_note }}.</p>
</body></html>
"""


def _rate(rate: dict[str, Any]) -> str:
    if rate.get("value") is None:
        return "—"
    text = f"{rate['value'] * 100:.1f}% ({rate['part']} of {rate['of']})"
    lo_hi = rate.get("interval_95")
    if lo_hi:
        text += f" [95% CI {lo_hi[0] * 100:.1f}–{lo_hi[1] * 100:.1f}%]"
    return text


def bar_chart(items: dict[str, int], *, colour: str = "#3b6ea8") -> str:
    """Horizontal bars, one per item, labelled with the name and the count."""
    if not items:
        return ""
    row, width, label_w = 22, 600, 170
    top = max(items.values()) or 1
    parts = [f'<svg viewBox="0 0 {width} {row * len(items) + 4}" role="img" '
             f'xmlns="http://www.w3.org/2000/svg">']
    for i, (name, n) in enumerate(items.items()):
        y = i * row + 2
        w = (width - label_w - 50) * n / top
        parts.append(
            f'<text x="0" y="{y + 15}" font-size="13">{escape(name)}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row - 8}" '
            f'fill="{colour}"><title>{escape(name)}: {n}</title></rect>'
            f'<text x="{label_w + w + 5:.1f}" y="{y + 15}" font-size="13">{n}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def period_chart(rows: list[dict[str, Any]]) -> str:
    """Stacked columns per period: automatic, review, handoff."""
    if not rows:
        return ""
    width, height, pad = 600, 180, 24
    top = max(sum(int(v) for k, v in r.items() if k != "start") for r in rows) or 1
    step = (width - pad) / len(rows)
    bar = max(min(step * 0.8, 40), 1)
    parts = [f'<svg viewBox="0 0 {width} {height + 36}" role="img" '
             f'xmlns="http://www.w3.org/2000/svg">'
             f'<text x="0" y="12" font-size="11">{top}</text>'
             f'<line x1="{pad}" y1="{height}" x2="{width}" y2="{height}" stroke="#999"/>']
    for i, r in enumerate(rows):
        x, y = pad + i * step + (step - bar) / 2, float(height)
        for kind, colour in KIND_COLOURS.items():
            n = int(r.get(kind, 0))
            h = (height - 16) * n / top
            if n:
                y -= h
                parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                             f'fill="{colour}"><title>{escape(str(r["start"]))} {kind}: {n}'
                             f'</title></rect>')
        if len(rows) <= 14 or i % max(len(rows) // 7, 1) == 0:
            parts.append(f'<text x="{x:.1f}" y="{height + 14}" font-size="10">'
                         f'{escape(str(r["start"])[5:])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def render_html(report: dict[str, Any]) -> str:
    env = Environment(autoescape=select_autoescape(default=True))
    return env.from_string(_TEMPLATE).render(
        r=report, rate=_rate, colours=KIND_COLOURS,
        reason_chart=bar_chart(report["handoffs"]["by_reason_code"]),
        period_chart=period_chart(report["by_period"]["rows"]),
    )
