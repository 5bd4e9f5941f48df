"""Zendesk Guide and Intercom article exports: exact parsing of small files in the APIs' format."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustdesk.ai.kb import KnowledgeBase
from trustdesk.ai.kb.errors import UnreadableDocumentError
from trustdesk.ai.kb.help_centre_json import HelpCentreArticle, parse_export
from trustdesk.ai.kb.readers import read_paths, read_sources

EXPORTS = Path(__file__).parent / "exports"
ZENDESK = EXPORTS / "zendesk_articles.json"
INTERCOM = EXPORTS / "intercom_articles.json"


def test_zendesk_articles_with_sideloaded_sections_and_categories() -> None:
    export = parse_export(ZENDESK, ZENDESK.read_text(encoding="utf-8"))
    assert export.articles == (
        HelpCentreArticle(
            platform="zendesk", article_id="360001", title="Returning an item",
            body_html="<p>You can return most items within <strong>30 days</strong>.</p>"
            "<h2>Return labels</h2><p>Print the label from your account.</p>",
            url="https://example.zendesk.com/hc/en-us/articles/360001-Returning-an-item",
            locale="en-us", section="Returns and refunds", category="Orders", draft=False,
            restricted=False,
        ),
        HelpCentreArticle(
            platform="zendesk", article_id="360002", title="Refund limits for agents",
            body_html="<p>Agents approve refunds up to 200 dollars.</p>",
            url="https://example.zendesk.com/hc/en-us/articles/360002-Refund-limits",
            locale="en-us", section="Agent guides", category="Internal", draft=False,
            restricted=True,
        ),
        HelpCentreArticle(
            platform="zendesk", article_id="360003", title="Holiday opening hours",
            body_html="<p>Not ready yet.</p>", url=None, locale="en-us",
            section="Returns and refunds", category="Orders", draft=True, restricted=False,
        ),
    )


def test_zendesk_documents_skip_drafts_and_keep_segments_internal() -> None:
    reading = read_sources([ZENDESK])
    assert [(d.id, d.title, d.visibility, d.kind) for d in reading.documents] == [
        ("zendesk-360001-en-us", "Returning an item", "public", "article"),
        ("zendesk-360002-en-us", "Refund limits for agents", "internal", "article"),
    ]
    assert reading.documents[0].body == (
        "You can return most items within 30 days.\n\n## Return labels\n\n"
        "Print the label from your account."
    )
    assert reading.warnings == (f"{ZENDESK}: 1 draft articles skipped",)


def test_intercom_articles_with_translations_and_collection_names() -> None:
    export = parse_export(INTERCOM, INTERCOM.read_text(encoding="utf-8"))
    assert export.articles == (
        HelpCentreArticle(
            platform="intercom", article_id="39", title="Changing your delivery address",
            body_html='<h1 class="intercom-align-left">Changing your delivery address</h1>'
            '<p class="intercom-align-left">You can change it until the order is dispatched.'
            "</p>",
            url="http://intercom.test/help/en/articles/39-changing-your-delivery-address",
            locale="en", section="Orders and delivery", category=None, draft=False,
            restricted=False,
        ),
        HelpCentreArticle(
            platform="intercom", article_id="39", title="Changer votre adresse de livraison",
            body_html="<p>Vous pouvez la changer avant l'envoi.</p>",
            url="http://intercom.test/help/fr/articles/39-changer-votre-adresse",
            locale="fr", section="Orders and delivery", category=None, draft=False,
            restricted=False,
        ),
        HelpCentreArticle(
            platform="intercom", article_id="40", title="Gift wrapping", body_html="",
            url=None, locale="en", section=None, category=None, draft=True, restricted=False,
        ),
    )
    assert [d.id for d in read_paths([INTERCOM])] == ["intercom-39-en", "intercom-39-fr"]


def test_an_export_ingests_and_answers(tmp_path: Path) -> None:
    kb = KnowledgeBase.from_documents(read_paths([ZENDESK, INTERCOM]))
    found = kb.search("return labels", k=1)
    assert found[0].article_id == "zendesk-360001-en-us"
    # the segment-restricted article is for agents only
    assert all(p.article_id != "zendesk-360002-en-us" for p in kb.search("refund limits", k=5))
    assert kb.search("refund limits", k=1, audience="agent")[0].article_id == (
        "zendesk-360002-en-us"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not valid JSON"),
        ('{"items": []}', "expected a Zendesk object with 'articles'"),
        ('{"articles": {}}', "articles must be a JSON list of articles"),
        ('{"articles": [{"id": 1, "body": "<p>x</p>"}]}',
         "articles[0].title is missing or empty"),
        ('{"articles": [{"title": "T", "body": "<p>x</p>"}]}', "articles[0].id is missing"),
        ('{"articles": [{"id": 1, "title": "T", "body": 5}]}',
         "articles[0].body must be an HTML string"),
        ('{"articles": [{"id": 1, "title": "T", "body": "", "draft": "no"}]}',
         "articles[0].draft must be true or false"),
        ('{"articles": [{"id": 1, "title": "T", "body": "", "html_url": 3}]}',
         "articles[0].html_url must be a string"),
        ('{"articles": [], "sections": [{"id": 1}]}', "sections[0].name is missing"),
        ('{"type": "list", "data": [{"id": "1", "title": "T", "state": "live"}]}',
         "data[0].state must be 'published' or 'draft'"),
        ('{"type": "list", "data": [{"id": "1", "title": "T", "translated_content": '
         '{"fr": {"body": "<p>x</p>"}}}]}', "data[0].translated_content.fr.title is missing"),
        ('{"type": "list", "data": ["article"]}', "data[0] must be a JSON object"),
    ],
)
def test_errors_name_the_field(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "export.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UnreadableDocumentError) as error:
        read_paths([path])
    assert message in str(error.value)
    assert str(path) in str(error.value)


def test_a_single_zendesk_article(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text('{"article": {"id": 7, "title": "Hours", "body": "<p>Open 9 to 5.</p>"}}',
                    encoding="utf-8")
    [doc] = read_paths([path])
    assert (doc.id, doc.title, doc.body, doc.url) == ("zendesk-7", "Hours", "Open 9 to 5.", None)
