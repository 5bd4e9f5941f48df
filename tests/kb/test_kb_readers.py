"""Reading markdown, HTML and FAQ CSV articles, and the errors users can meet."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustdesk.ai.kb import (
    EmptyKnowledgeBaseError,
    UnreadableDocumentError,
    UnsupportedFormatError,
    ingest,
    read_paths,
)
from trustdesk.ai.kb.readers import read_documents

from kb_samples import RETURNS_MD, write


def test_markdown_front_matter_sets_metadata(tmp_path: Path) -> None:
    (doc,) = read_documents(write(tmp_path, "anything.md", RETURNS_MD))
    assert (doc.id, doc.title, doc.url, doc.visibility) == (
        "returns",
        "Returns",
        "https://help.example/returns",
        "public",
    )
    assert doc.body.startswith("# Returns")
    assert "---" not in doc.body


def test_markdown_without_front_matter_derives_id_and_title(tmp_path: Path) -> None:
    (doc,) = read_documents(write(tmp_path, "Gift Cards.md", "# Gift cards\n\nThey last 5 years."))
    assert doc.id == "gift-cards"
    assert doc.title == "Gift cards"
    assert doc.visibility == "public"
    assert doc.url is None


def test_html_keeps_headings_and_drops_scripts(tmp_path: Path) -> None:
    markup = """<html><head><title>Lamp care</title>
    <meta name="trustdesk:visibility" content="internal">
    <link rel="canonical" href="https://help.example/lamps">
    <script>var hidden = "do not index me";</script><style>p {color: red}</style></head>
    <body><nav>Home &gt; Help</nav><h1>Lamp care</h1><p>Dust the shade &amp; base.</p>
    <h2>Bulbs</h2><ul><li>Use LED bulbs.</li><li>Check the <b>wattage</b>.</li></ul></body></html>
    """
    (doc,) = read_documents(write(tmp_path, "lamp-care.html", markup))
    assert doc.id == "lamp-care"
    assert doc.title == "Lamp care"
    assert doc.url == "https://help.example/lamps"
    assert doc.visibility == "internal"
    assert doc.body == (
        "# Lamp care\n\nDust the shade & base.\n\n## Bulbs\n\n- Use LED bulbs.\n\n"
        "- Check the wattage."
    )


def test_faq_csv_gives_one_document_per_row(tmp_path: Path) -> None:
    csv_text = (
        "question,answer,link\n"
        'Do you gift wrap?,"Yes, for $5 per item.",https://help.example/wrap\n'
        ",,\n"
        "Do you have stores?,No. We are online only.,\n"
    )
    docs = read_documents(write(tmp_path, "faq.csv", csv_text))
    assert [(d.id, d.title, d.body, d.url) for d in docs] == [
        ("faq-do-you-gift-wrap", "Do you gift wrap?", "Yes, for $5 per item.",
         "https://help.example/wrap"),
        ("faq-do-you-have-stores", "Do you have stores?", "No. We are online only.", None),
    ]


def test_faq_csv_honours_id_and_visibility_columns(tmp_path: Path) -> None:
    csv_text = "id,question,answer,visibility\nrisk-1,Who checks fraud?,The risk team.,internal\n"
    (doc,) = read_documents(write(tmp_path, "faq.csv", csv_text))
    assert (doc.id, doc.visibility) == ("risk-1", "internal")


def test_directory_is_read_recursively_skipping_hidden_and_other_files(tmp_path: Path) -> None:
    write(tmp_path, "a.md", "# A\n\nAlpha.")
    write(tmp_path, "sub/b.htm", "<h1>B</h1><p>Beta.</p>")
    write(tmp_path, "notes.txt", "not an article")
    write(tmp_path, ".drafts/c.md", "# C\n\nDraft.")
    assert [doc.id for doc in read_paths([tmp_path])] == ["a", "b"]


@pytest.mark.parametrize(
    ("name", "content", "error", "fragment"),
    [
        ("notes.txt", "plain text", UnsupportedFormatError, "'.txt' files are not supported"),
        ("manual.pdf", "%PDF-1.4", UnsupportedFormatError, "Convert it to one of"),
        ("bad-yaml.md", "---\ntitle: [unclosed\n---\n# Hi\n\nText.", UnreadableDocumentError,
         "not valid YAML"),
        ("list.md", "---\n- a\n- b\n---\nText.", UnreadableDocumentError, "key: value pairs"),
        ("secret.md", "---\nvisibility: secret\n---\nText.", UnreadableDocumentError,
         "use 'public' or 'internal'"),
        ("faq.csv", "q,a\nHi?,Hello.\n", UnreadableDocumentError, "missing question, answer"),
        ("half.csv", "question,answer\nHi?,\n", UnreadableDocumentError, "line 2"),
    ],
)
def test_bad_files_raise_typed_errors_that_say_what_to_do(
    tmp_path: Path, name: str, content: str, error: type[Exception], fragment: str
) -> None:
    path = write(tmp_path, name, content)
    with pytest.raises(error, match=fragment.replace("[", r"\[").replace(".", r"\.")):
        read_paths([path])


def test_invalid_utf8_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "latin1.md"
    path.write_bytes("# Caf\xe9\n\nCr\xe8me.".encode("latin-1"))
    with pytest.raises(UnreadableDocumentError, match="not valid UTF-8"):
        read_paths([path])


def test_file_the_os_refuses_to_read_is_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "locked.md", "# Locked\n\nText.")

    def refuse(self: Path, *args: object, **kwargs: object) -> str:
        raise PermissionError(13, "Permission denied", str(self))

    # chmod 000 does not stop root, which runs CI here; fail the read at the OS boundary.
    monkeypatch.setattr(Path, "read_text", refuse)
    with pytest.raises(UnreadableDocumentError, match=r"Cannot read .*Permission denied"):
        read_paths([path])


def test_directory_with_an_article_suffix_is_scanned(tmp_path: Path) -> None:
    folder = tmp_path / "looks-like.md"
    folder.mkdir()
    write(folder, "inner.md", "# Inner\n\nText.")
    assert [doc.id for doc in read_paths([folder])] == ["inner"]


def test_missing_path_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocumentError, match="does not exist"):
        read_paths([tmp_path / "nope.md"])


def test_empty_directory_is_an_empty_knowledge_base(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(EmptyKnowledgeBaseError, match=r"add \.md, \.html or \.csv"):
        ingest([tmp_path / "empty"], tmp_path / "kb")
    assert not (tmp_path / "kb").exists()


def test_articles_without_text_are_an_empty_knowledge_base(tmp_path: Path) -> None:
    write(tmp_path / "src", "blank.md", "---\ntitle: Blank\n---\n\n")
    with pytest.raises(EmptyKnowledgeBaseError, match="no text"):
        ingest([tmp_path / "src"], tmp_path / "kb")

