"""The fixture generator: golden files and their truth, scanned twins, held-out split, intake, determinism."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import pdfplumber
import pytest
import yaml

from fixtures import scan, vocab
from fixtures.generate import all_documents, generate, scan_specs
from fixtures.layouts import HELD_OUT, LAYOUTS
from fixtures.layouts_v4 import length, ordinal
from pipeline.models import DocumentKind

KINDS = {kind.value for kind in DocumentKind} - {"unknown"}


def _expected(pdf: Path) -> dict:
    return json.loads(pdf.with_name(pdf.name.removesuffix(".pdf") + ".expected.json").read_text())


def _manifest(corpus: Path) -> list[dict]:
    return json.loads((corpus / "golden" / "manifest.json").read_text())


def _text_pdfs(corpus: Path) -> list[Path]:
    return sorted(p for p in (corpus / "golden").glob("*.pdf") if not p.name.endswith(".scan.pdf"))


@cache
def _text(pdf: Path) -> str:
    """The text layer, whitespace collapsed so wrapped sentences read as one line."""
    with pdfplumber.open(pdf) as doc:
        return " ".join(" ".join((page.extract_text() or "").split()) for page in doc.pages)


def _us(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%m/%d/%Y")


def _layout(corpus: Path) -> dict[str, str]:
    return {entry["stem"]: entry["layout"] for entry in _manifest(corpus)}


def test_every_golden_pdf_has_expected_json_and_manifest_entry(corpus: Path) -> None:
    golden = corpus / "golden"
    pdfs = sorted(golden.glob("*.pdf"))
    manifest = _manifest(corpus)
    assert {entry["stem"] for entry in manifest} == {p.name.removesuffix(".pdf") for p in pdfs}
    assert len(pdfs) == 2 * len(_text_pdfs(corpus))
    by_stem = {entry["stem"]: entry for entry in manifest}
    for pdf in pdfs:
        expected, entry = _expected(pdf), by_stem[pdf.name.removesuffix(".pdf")]
        assert expected["kind"] in KINDS and expected["kind"] == entry["kind"], pdf.name
        assert expected["scanned"] is pdf.name.endswith(".scan.pdf") is entry["scanned"]
        assert expected["split"] == entry["split"] in ("tune", "held_out")
        assert expected["candidate"] == entry["candidate"] and pdf.name.startswith(entry["candidate"] + "-")
        assert entry["layout"] in LAYOUTS[entry["kind"]] or entry["layout"] == HELD_OUT
        assert expected["items"], pdf.name
        assert (expected["official"] is not None) == (expected["kind"] == "transcript")
        with pdfplumber.open(pdf) as doc:
            assert len(doc.pages) == expected["pages"], pdf.name


def test_corpus_size_kinds_and_layouts(corpus: Path) -> None:
    manifest = _manifest(corpus)
    assert len(manifest) >= 150
    assert sum(entry["scanned"] for entry in manifest) * 2 == len(manifest)
    layouts: dict[tuple[str, str], set[str]] = defaultdict(set)
    for entry in manifest:
        layouts[(entry["kind"], entry["split"])].add(entry["layout"])
    for kind in KINDS:
        assert len(layouts[(kind, "tune")]) >= 3, kind
        assert "classic" in layouts[(kind, "tune")], kind
        assert HELD_OUT not in layouts[(kind, "tune")], kind


def test_held_out_split_covers_every_kind_with_a_layout_of_its_own(corpus: Path) -> None:
    manifest = _manifest(corpus)
    held = [entry for entry in manifest if entry["split"] == "held_out"]
    assert all(entry["candidate"].startswith("h") for entry in held)
    assert all(not entry["candidate"].startswith("h") for entry in manifest if entry["split"] == "tune")
    for kind in KINDS:
        kind_held = [entry for entry in held if entry["kind"] == kind]
        assert any(entry["layout"] == HELD_OUT and not entry["scanned"] for entry in kind_held), kind
        assert any(entry["layout"] == HELD_OUT and entry["scanned"] for entry in kind_held), kind
    tune_people = {_expected(p)["items"][0]["value"].get("signer") for p in _text_pdfs(corpus)
                   if p.name.startswith("t") and p.name.endswith("-ethics.pdf")}
    held_people = {_expected(p)["items"][0]["value"].get("signer") for p in _text_pdfs(corpus)
                   if p.name.startswith("h") and p.name.endswith("-ethics.pdf")}
    assert tune_people and held_people and tune_people != held_people  # another seed, other people


def test_scanned_twins_are_image_only_with_the_same_pages(corpus: Path) -> None:
    for text_pdf in _text_pdfs(corpus):
        scan_pdf = text_pdf.with_name(text_pdf.name.removesuffix(".pdf") + ".scan.pdf")
        scan_truth, text_truth = _expected(scan_pdf), _expected(text_pdf)
        record = scan_truth.pop("scan")
        assert record["dpi"] in (200, 300) and record["rotation"] in (0, 90, 180, 270)
        assert 0.5 <= abs(record["angle"]) <= 2.0
        turned = record["rotation"] in (90, 270)
        with pdfplumber.open(text_pdf) as text, pdfplumber.open(scan_pdf) as scanned:
            assert len(scanned.pages) == len(text.pages)
            for text_page, scan_page in zip(text.pages, scanned.pages, strict=True):
                assert scan_page.extract_words() == [], scan_pdf.name
                assert len(scan_page.images) == 1
                width, height = (text_page.height, text_page.width) if turned else (text_page.width, text_page.height)
                assert scan_page.width == pytest.approx(width, abs=0.01)
                assert scan_page.height == pytest.approx(height, abs=0.01)
                assert scan_page.images[0]["srcsize"][0] == pytest.approx(width * record["dpi"] / 72, abs=1)
        assert scan_truth["scanned"] is True
        assert {**scan_truth, "scanned": False} == text_truth


def test_rotated_scans_exist_and_have_no_text_layer(corpus: Path) -> None:
    rotated = {}
    for truth_file in (corpus / "golden").glob("*.scan.expected.json"):
        rotation = json.loads(truth_file.read_text())["scan"]["rotation"]
        if rotation:
            rotated[truth_file.name.removesuffix(".expected.json")] = rotation
    assert {90, 180} <= set(rotated.values())
    assert any(stem.startswith("h") for stem in rotated) and any(stem.startswith("t") for stem in rotated)
    for stem in rotated:
        with pdfplumber.open(corpus / "golden" / f"{stem}.pdf") as doc:
            assert all(not page.extract_words() and not page.chars for page in doc.pages), stem


def _shown(item: dict) -> list[str]:
    """Strings a classic-layout document must show for this item to be read off it."""
    value = item["value"]
    match item["type"]:
        case "degree":
            return [f"{value['name']} ({value['abbreviation']})", f"Major: {value['field']}",
                    value["institution"]]
        case "training":
            shown = [value["title"], f"Provider: {value['provider']}"]
            return shown if value["converted"] else [*shown, f"{value['hours']:.1f}"]
        case "supervision_session":
            return [f"{_us(value['date'])} {value['format'].capitalize()} {value['hours']:.1f} "
                    f"{value['supervisor']}"]
        case "supervision_total":
            return [f"Total hours: {value['stated_total']:.1f}"]
        case "reference":
            return [f"Rater: {value['rater']}", _us(value["date"])]
        case "signature":
            return [f"Signature: /s/ {value['signer']}", f"Printed name: {value['signer']}"]
        case "exam":
            return ["Result: PASS" if value["passed"] else "Result: Did not pass"]
        case "membership":
            return [value["organization"]]
        case "employment":
            return [f"employed by {value['employer']} as {value['role']} from", value["duties"]]
    raise AssertionError(item["type"])


def test_classic_text_pdfs_show_every_expected_item_under_the_classic_labels(corpus: Path) -> None:
    layout = _layout(corpus)
    classic = [pdf for pdf in _text_pdfs(corpus) if layout[pdf.stem] == "classic"]
    assert len(classic) >= 40
    for pdf in classic:
        text = _text(pdf)
        for item in _expected(pdf)["items"]:
            if item["type"] == "signature" and not item["value"]["signed"]:
                continue
            for needle in _shown(item):
                assert needle in text, (pdf.name, needle)


def _dates(iso: str | None) -> set[str]:
    """Every spelling a document may give `iso` in, a range's last day included."""
    if iso is None:
        return {"present", "Present", "Current", "CURRENTLY", "today", "since", "Still employed"}
    day = dt.date.fromisoformat(iso)
    spelled = {style(day) for style in vocab.DATE_STYLES.values()}
    return spelled | {vocab.month_day(day), f"-{day.day}, {day.year}", ordinal(day)}


def _hours(hours: float) -> set[str]:
    """Every spelling of `hours`, the hours and minutes in two table columns ('1 30') among them."""
    return {f"{hours:.1f}", f"{hours:g}", f"{int(hours)}:{round(hours % 1 * 60):02d}", str(round(hours * 60)),
            f"{hours / 10:.1f}", f"{int(hours)} hour", length(hours), f"{int(hours)} {round(hours % 1 * 60):02d}"}


def _values_shown(item: dict) -> list[set[str]]:
    """For each value of the item, the spellings of which one must be printed (any layout)."""
    value = item["value"]
    match item["type"]:
        case "degree":
            return [{value["institution"]}, {value["field"]}, _dates(value["conferred"])]
        case "training":
            return [{value["title"]}, {value["provider"]}, _dates(value["date"]), _hours(value["hours"])]
        case "supervision_session":
            return [{value["supervisor"]}, _dates(value["date"]), _hours(value["hours"])]
        case "supervision_total":
            return [_hours(value["stated_total"])]
        case "reference" | "signature":
            return [{value.get("rater") or value.get("signer")}, _dates(value["date"])]
        case "exam":
            return [_dates(value["date"])]
        case "membership":
            return [{value["organization"]}, _dates(value["valid_through"])]
        case "employment":
            return [{value["employer"]}, {value["role"]}, {value["duties"]}, _dates(value["start"]),
                    _dates(value["end"])]
    raise AssertionError(item["type"])


def test_every_text_pdf_prints_every_expected_value_in_some_spelling(corpus: Path) -> None:
    for pdf in _text_pdfs(corpus):
        text = _text(pdf)
        for item in _expected(pdf)["items"]:
            for spellings in _values_shown(item):
                assert any(s in text for s in spellings), (pdf.name, item["type"], spellings)


SPELLINGS = {
    "date May 5, 2012": r"\b(?:January|February|March|April|May|June|July|August|September|October|November"
                        r"|December) \d{1,2}, \d{4}",
    "date 05/05/2012": r"\b\d\d/\d\d/\d{4}\b",
    "date 5/5/12": r"(?<![\d/])\d{1,2}/\d{1,2}/\d\d(?![\d/])",
    "date 2012-05-05": r"\b\d{4}-\d\d-\d\d\b",
    "date 07-MAY-2024": r"\b\d\d-[A-Z]{3}-\d{4}\b",
    "range June 6-7, 2026": r"\b[A-Z][a-z]+ \d{1,2}-\d{1,2}, \d{4}",
    "range March 30 - April 2, 2021": r"\b[A-Z][a-z]+ \d{1,2} - [A-Z][a-z]+ \d{1,2}, \d{4}",
    "year heading, month/day rows": r"Sessions in \d{4} \d{1,2}/\d{1,2} ",
    "hours 6.0 clock hours": r"\d+\.\d clock hours",
    "hours Contact hours: 3.5": r"Contact hours: \d+\.\d",
    "hours 0.6 CEU": r"\d\.\d CEU",
    "hours 90 min": r"\b\d+ min\b",
    "hours 1:30": r"(?:Duration|Credit earned): \d{1,2}:\d\d\b",
    "hours 2 hours 30 minutes": r"\d hours? \d\d minutes",
    "hours 1.5 hrs": r"\d\.\d+ hrs",
    "degree Master of Social Work": r"Master of Social Work",
    "degree MSW": r"\bMSW\b",
    "degree dotted (M.S.W., Psy.D.)": r"\b(?:[A-Z][a-z]{0,2}\.){2,3}",
    "degree Doctor of ... in ...": r"Doctor of \w+ in [A-Z]",
    "degree in a sentence": r"The degree of [A-Z][\w ().]+ was conferred on",
    "unofficial": r"(?i)\bunofficial\b",
    "student copy": r"(?i)student copy",
    "not official": r"(?i)not official",
    "distractor date of birth": r"(?i)(?:date of birth|birth date|DOB):? ",
    "distractor date printed/issued": r"(?i)(?:date printed|date issued|printed:|issue date)",
    "distractor term dates": r"(?:Fall|Spring|FALL|SPRING) \d{4}:? +\(?\d",
}


@pytest.mark.parametrize("name", SPELLINGS)
def test_the_tune_split_uses_every_spelling_of_the_issue(corpus: Path, name: str) -> None:
    pattern = re.compile(SPELLINGS[name])
    tune = [pdf for pdf in _text_pdfs(corpus) if not pdf.name.startswith("h")]
    assert any(pattern.search(_text(pdf)) for pdf in tune), name


def test_a_log_states_a_total_that_disagrees_with_its_rows(corpus: Path) -> None:
    disagree = defaultdict(list)
    for pdf in _text_pdfs(corpus):
        truth = _expected(pdf)
        if truth["kind"] != "supervision_log":
            continue
        rows = sum(i["value"]["hours"] for i in truth["items"] if i["type"] == "supervision_session")
        stated = [i["value"]["stated_total"] for i in truth["items"] if i["type"] == "supervision_total"]
        assert len(stated) == 1
        if abs(stated[0] - rows) > 0.01:
            disagree[truth["split"]].append(pdf.name)
    assert disagree["tune"] and disagree["held_out"]


def test_multi_page_logs_repeat_their_header(corpus: Path) -> None:
    multi = 0
    for pdf in _text_pdfs(corpus):
        if _expected(pdf)["kind"] != "supervision_log" or _expected(pdf)["pages"] < 2:
            continue
        multi += 1
        with pdfplumber.open(pdf) as doc:
            firsts = [" ".join((page.extract_text() or "").split()[:3]) for page in doc.pages]
        assert len(set(firsts)) == 1, (pdf.name, firsts)
    assert multi >= 3


def test_unsigned_agreements_and_unofficial_transcripts_are_in_the_truth(corpus: Path) -> None:
    truths = [_expected(pdf) for pdf in _text_pdfs(corpus)]
    assert any(t["kind"] == "ethics_agreement" and not t["items"][0]["value"]["signed"] for t in truths)
    unofficial = {t["split"] for t in truths if t["kind"] == "transcript" and t["official"] is False}
    assert unofficial == {"tune", "held_out"}


def test_transcript_distractor_dates_are_not_items(corpus: Path) -> None:
    for pdf in (corpus / "golden").glob("c00?-transcript.pdf"):
        text = _text(pdf)
        distractors = re.findall(r"Date (?:of Birth|Issued): (\d\d)/(\d\d)/(\d{4})", text)
        assert len(distractors) == 2
        conferred = {item["value"]["conferred"] for item in _expected(pdf)["items"]}
        assert not conferred & {f"{y}-{m}-{d}" for m, d, y in distractors}


def test_distractor_dates_never_equal_a_true_date() -> None:
    for doc in all_documents(7):
        truth = {v for item in doc.items for v in item["value"].values() if isinstance(v, str)}
        content = doc.content
        for name in ("birth", "issued", "received", "sent", "letter_date", "since", "paid", "printed", "window"):
            shown = getattr(content, name, "")
            if shown and name != "window":
                assert not any(shown in _dates(iso) for iso in truth if re.fullmatch(r"\d{4}-\d\d-\d\d", iso)), (
                    doc.stem, name, shown)
        for term_range in getattr(content, "term_dates", {}).values():
            for iso in truth:
                if re.fullmatch(r"\d{4}-\d\d-\d\d", iso):
                    assert not _dates(iso) & set(term_range.split(" - ")), (doc.stem, term_range)


def test_same_seed_gives_the_same_corpus(corpus: Path, tmp_path: Path) -> None:
    again = generate(tmp_path / "again", seed=7, scans=False)
    first = sorted(p.relative_to(corpus) for p in (corpus / "golden").glob("*.json"))
    assert first == sorted(p.relative_to(again) for p in (again / "golden").glob("*.json"))
    for name in first:
        assert (again / name).read_text() == (corpus / name).read_text(), name
    for pdf in _text_pdfs(corpus):
        assert (again / "golden" / pdf.name).read_bytes() == pdf.read_bytes(), pdf.name
    for intake_pdf in (corpus / "intake").rglob("*.pdf"):
        assert (again / intake_pdf.relative_to(corpus)).read_bytes() == intake_pdf.read_bytes()
    specs = scan_specs(all_documents(7), 7)
    rotated = next(stem for stem, spec in specs.items() if spec.rotation and spec.direct)
    for stem in (rotated, "c001-exam"):
        target = tmp_path / f"{stem}.scan.pdf"
        scan.scan_with(corpus / "golden" / f"{stem}.pdf", target, specs[stem])
        assert target.read_bytes() == (corpus / "golden" / f"{stem}.scan.pdf").read_bytes(), stem


def test_intake_folders(corpus: Path) -> None:
    intake = corpus / "intake"
    assert sorted(p.name for p in intake.iterdir()) == ["c001", "c002", "c003"]
    assert not list(intake.rglob("*.json"))
    assert not (intake / "c003" / "candidate.yaml").exists()
    c001 = yaml.safe_load((intake / "c001" / "candidate.yaml").read_text())
    assert c001["category"] == "clinical" and c001["applied_on"] == dt.date(2026, 10, 1)
    c002 = yaml.safe_load((intake / "c002" / "candidate.yaml").read_text())
    assert c002["category"] == "policy" and c002["applied_on"] == dt.date(2026, 9, 15)
    assert isinstance(c001["name"], str) and c001["name"] != c002["name"]
    with pdfplumber.open(intake / "c001" / "rsc-log.pdf") as log:
        assert not log.pages[0].extract_words()
    with pdfplumber.open(intake / "c001" / "transcript.pdf") as transcript:
        assert transcript.pages[0].extract_words()


def _items(corpus: Path, candidate: str, item_type: str) -> list[dict]:
    stems = [e["stem"] for e in _manifest(corpus) if e["candidate"] == candidate and not e["scanned"]]
    return [item["value"] for stem in stems
            for item in json.loads((corpus / "golden" / f"{stem}.expected.json").read_text())["items"]
            if item["type"] == item_type]


def test_candidates_are_built_as_specified(corpus: Path) -> None:
    assert sum(t["hours"] for t in _items(corpus, "c001", "training")) >= 30
    assert sum(t["hours"] for t in _items(corpus, "c002", "training")) == pytest.approx(24.0)
    assert any(t["converted"] for t in _items(corpus, "c002", "training"))
    sessions = _items(corpus, "c001", "supervision_session")
    assert 25 <= len(sessions) <= 35
    assert sum(s["hours"] for s in sessions) >= 50
    assert _items(corpus, "c001", "supervision_total")[0]["stated_total"] == sum(
        s["hours"] for s in sessions)
    days = sorted(dt.date.fromisoformat(s["date"]) for s in sessions)
    assert 365 <= (days[-1] - days[0]).days <= 731
    assert [r["relationship"] for r in _items(corpus, "c001", "reference")] == [
        "rsc_provider", "program_supervisor", "supervisee"]
    assert [e["passed"] for e in _items(corpus, "c002", "exam")] == [False]
    assert _items(corpus, "c002", "membership")[0]["valid_through"] == "2025-12-31"
    assert not _items(corpus, "c002", "supervision_session")
