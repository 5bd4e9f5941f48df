"""Real FAQ exports: repeated questions, identical rows and long questions ingest."""

from __future__ import annotations

from pathlib import Path

from trustdesk.ai.kb import ingest, read_paths

from kb_samples import write

HEADER = "question,answer,link\n"
LONG = "What should I do if my order arrived with a part missing from the box and "


def test_a_question_asked_twice_with_other_answers_keeps_both_with_a_warning(
    tmp_path: Path,
) -> None:
    csv = write(tmp_path / "src", "faq.csv", HEADER
                + "What if I lose my card?,Block it and pay $5.,https://x/rivcard-lost\n"
                + "What if I lose my card?,Concession cards cost $10.,https://x/concession\n")
    report = ingest([csv], tmp_path / "kb")
    assert report.articles == 2 and report.faq_entries == 2 and report.merged == 0
    assert report.added == ("faq-what-if-i-lose-my-card", "faq-what-if-i-lose-my-card-2")
    (warning,) = report.warnings
    assert "line 3" in warning and "line 2" in warning and "kept both" in warning


def test_identical_rows_merge_and_the_report_says_so(tmp_path: Path) -> None:
    row = "Do you ship abroad?,Yes to the EU.,https://x/abroad\n"
    csv = write(tmp_path / "src", "faq.csv", HEADER + row + row + row)
    report = ingest([csv], tmp_path / "kb")
    assert report.articles == 1 and report.merged == 2
    assert any("2 rows repeated an earlier row exactly" in w for w in report.warnings)


def test_long_questions_with_the_same_beginning_get_distinct_ids(tmp_path: Path) -> None:
    csv = write(tmp_path / "src", "faq.csv", HEADER
                + f"{LONG}it was a gift?,Tell us.,\n"
                + f"{LONG}I paid by card?,Call us.,\n")
    docs = read_paths([csv])
    assert len({d.id for d in docs}) == 2
    assert all(len(d.id) <= 4 + 60 for d in docs)  # 'faq-' + a bounded slug
    assert all(d.kind == "faq" for d in docs)
    assert ingest([csv], tmp_path / "kb").articles == 2


def test_a_byte_order_mark_does_not_hide_the_header(tmp_path: Path) -> None:
    path = tmp_path / "faq.csv"
    path.write_text("\ufeff" + HEADER + "Do you ship abroad?,Yes.,\n", encoding="utf-8")
    (doc,) = read_paths([path])
    assert doc.title == "Do you ship abroad?" and doc.body == "Yes."
