"""`trustdesk chat`: a terminal client of the HTTP API, as a customer would use it."""

from __future__ import annotations

from typing import Any

import httpx
from rich.console import Console

HELP = ("Type a message. 'why?' explains the last answer, '/contest [why]' contests it, "
        "'/human' hands off, '/quit' leaves.")


def _check(response: httpx.Response) -> dict[str, Any]:
    if response.status_code >= 400:
        try:
            message = response.json().get("error", response.text)
        except ValueError:
            message = response.text
        raise RuntimeError(f"{response.status_code}: {message}")
    data: dict[str, Any] = response.json()
    return data


def run_chat(
    url: str, key: str, *, customer_ref: str | None = None, customer_token: str | None = None,
    ai_opt_out: bool = False,
) -> None:
    console = Console(highlight=False)
    headers = {"Authorization": f"Bearer {key}"}
    with httpx.Client(base_url=url, headers=headers, timeout=30) as client:
        try:
            conv = _check(
                client.post(
                    "/v1/conversations",
                    json={"customer_ref": customer_ref, "customer_token": customer_token,
                          "ai_opt_out": ai_opt_out},
                )
            )
        except (httpx.HTTPError, RuntimeError) as exc:
            console.print(f"[red]cannot start a conversation at {url}: {exc}[/red]")
            raise SystemExit(1) from None
        if conv.get("conversation_token"):
            # the conversation's own secret: every later call about it presents it
            client.headers["X-Conversation-Token"] = conv["conversation_token"]
        who = "" if conv.get("identity_verified") else " (anonymous customer)"
        console.print(f"[dim]conversation {conv['id']}{who} - {HELP}[/dim]")
        last_decision: str | None = None
        while True:
            try:
                text = console.input("[bold]you>[/bold] ")
            except (EOFError, KeyboardInterrupt):
                console.print()
                return
            command = text.strip().lower()
            if not command:
                continue
            try:
                if command in ("/quit", "/exit"):
                    return
                if command in ("why?", "why", "/why"):
                    if last_decision is None:
                        console.print("[dim]nothing to explain yet[/dim]")
                        continue
                    e = _check(client.get(f"/v1/decisions/{last_decision}/explanation"))
                    console.print(f"[cyan]why:[/cyan] {e['summary']}")
                    terms = ", ".join(f"{t['term']} ({t['weight']:+.2f})" for t in e["top_terms"])
                    if terms:
                        console.print("[dim]  words that drove it (what deleting each, in "
                                      f"turn, takes away): {terms}[/dim]")
                    for s in e["sources"]:
                        console.print(f"[dim]  source: {s['title']} - {s['heading']}[/dim]")
                    if e.get("counterfactual"):
                        console.print(f"[dim]  {e['counterfactual']['summary']}[/dim]")
                    if e.get("human_review"):
                        console.print(f"[dim]  {e['human_review']['summary']}[/dim]")
                    console.print(f"[dim]  {e['how_to_appeal']}[/dim]")
                    continue
                if command.startswith("/contest"):
                    if last_decision is None:
                        console.print("[dim]no answer to contest yet[/dim]")
                        continue
                    reason = text.strip()[len("/contest"):].strip()
                    _check(client.post(f"/v1/decisions/{last_decision}/appeal",
                                       json={"reason": reason} if reason else {}))
                    console.print("[yellow]Contested: a member of our team will look at it "
                                  "again and reply here.[/yellow]")
                    continue
                if command in ("/human", "human please"):
                    _check(client.post(f"/v1/conversations/{conv['id']}/handoff", json={}))
                    console.print("[yellow]A member of our team will take over.[/yellow]")
                    continue
                out = _check(client.post(f"/v1/conversations/{conv['id']}/messages",
                                         json={"text": text}))
            except (httpx.HTTPError, RuntimeError) as exc:
                console.print(f"[red]{exc}[/red]")
                continue
            if out["pii_detected"]:
                console.print(
                    f"[dim]stored as: {out['stored_text']} "
                    f"(personal data hidden: {', '.join(out['pii_detected'])})[/dim]"
                )
            reply = out.get("reply")
            if reply is None:
                console.print("[yellow]A person will reply here (AI is off).[/yellow]")
                continue
            if reply.get("disclosure"):
                console.print(f"[magenta]{reply['disclosure']}[/magenta]")
            label = "AI" if reply["ai_generated"] else "TrustDesk"
            console.print(f"[green]{label}>[/green] {reply['text']}")
            for s in reply["sources"]:
                console.print(f"[dim]  source: {s['title']} - {s['heading']}[/dim]")
            last_decision = out["decision"]["id"] if out.get("decision") else None
