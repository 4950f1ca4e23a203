"""Images as documents: JPEG (EXIF-turned), PNG, multi-page TIFF and HEIC made from the corpus's own scans."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from extractors import images
from extractors.document import extract_document
from fixtures.compare import compare
from fixtures.images import PICTURES, blank_png, cut_short, expected_of, noise_png, png_bomb, write_pictures
from pipeline.cli import app
from pipeline.models import DocumentResult, DocumentStatus


@pytest.fixture(scope="module")
def pictures(golden: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The image inputs, by format."""
    written = write_pictures(golden, tmp_path_factory.mktemp("pictures"))
    return {path.suffix: path for path in written}


def _failed_with(result: DocumentResult) -> str:
    assert result.status is DocumentStatus.FAILURE and result.pages == 0 and not result.items
    return result.flags[0].code


@pytest.mark.tesseract
@pytest.mark.parametrize("suffix", [p.suffix for p in PICTURES])
def test_an_image_reads_as_well_as_the_pdf_scan_of_the_same_pixels(pictures: dict[str, Path], golden: Path,
                                                                   suffix: str) -> None:
    picture = pictures[suffix]
    expected = expected_of(picture)
    from_image = extract_document(picture)
    from_scan = extract_document(golden / expected["image"]["from"])
    image_outcome, scan_outcome = compare(from_image, expected), compare(from_scan, expected)
    assert image_outcome.kind_ok and from_image.kind == from_scan.kind
    assert from_image.pages == expected["pages"] == expected["image"]["pages"]
    assert image_outcome.right >= scan_outcome.right, image_outcome.problems
    assert image_outcome.silent == 0, image_outcome.problems
    assert all(p.source == "ocr" and p.page <= from_image.pages for i in from_image.items for p in i.provenance)


@pytest.mark.tesseract
def test_a_photo_stored_sideways_is_read_upright_by_its_exif_tag(pictures: dict[str, Path]) -> None:
    photo = pictures[".jpg"]
    with Image.open(photo) as stored:
        assert stored.width > stored.height  # the pixels lie on their side, as a phone stores them
    [page] = images.read_image_pages(photo)
    assert page.rotation == 0  # nothing left for the text's own orientation check to turn
    assert (round(page.width), round(page.height)) == (612, 792)  # a letter page, upright, from 72 dpi stated
    assert sum(w.confidence >= 0.9 for w in page.words) > len(page.words) / 2


@pytest.mark.tesseract
def test_a_page_lying_on_its_side_without_a_tag_is_turned_by_its_text(pictures: dict[str, Path],
                                                                      tmp_path: Path) -> None:
    with Image.open(pictures[".png"]) as upright:
        upright.transpose(Image.Transpose.ROTATE_90).save(tmp_path / "sideways.png", dpi=(200, 200))
    [page] = images.read_image_pages(tmp_path / "sideways.png")
    assert page.rotation in {90, 270}
    result = extract_document(tmp_path / "sideways.png")
    assert compare(result, expected_of(pictures[".png"])).kind_ok


def test_a_multipage_tiff_gives_every_page(pictures: dict[str, Path]) -> None:
    tiff = pictures[".tiff"]
    frames = images.survey_frames(tiff)
    assert len(frames) == expected_of(tiff)["pages"] == 2
    assert all(f.dpi_stated and f.dpi == expected_of(tiff)["scan"]["dpi"] for f in frames)


def test_a_reduced_size_preview_in_a_tiff_is_not_a_page(tmp_path: Path) -> None:
    page, preview = Image.new("L", (1700, 2200), 255), Image.new("L", (170, 220), 255)
    preview.encoderinfo = {"tiffinfo": {254: 1}}  # NewSubfileType: a reduced-resolution copy
    page.save(tmp_path / "scan.tiff", save_all=True, append_images=[preview], dpi=(200, 200))
    with Image.open(tmp_path / "scan.tiff") as image:
        assert getattr(image, "n_frames", 1) == 2
        assert images.page_frames(image) == [0]


def test_resolution_stated_by_a_phone_is_not_taken_for_a_page(pictures: dict[str, Path]) -> None:
    [jpeg], [heic] = images.survey_frames(pictures[".jpg"]), images.survey_frames(pictures[".heic"])
    for frame, picture in ((jpeg, pictures[".jpg"]), (heic, pictures[".heic"])):
        assert not frame.dpi_stated
        assert frame.dpi == expected_of(picture)["scan"]["dpi"]  # the long side taken as a letter page's


def test_a_decompression_bomb_fails_with_its_code(tmp_path: Path) -> None:
    (tmp_path / "bomb.png").write_bytes(png_bomb())  # over twice Pillow's limit: refused on opening
    (tmp_path / "big.png").write_bytes(png_bomb(10_000, 10_000))  # over the limit, under Pillow's refusal
    for name in ("bomb.png", "big.png"):
        result = extract_document(tmp_path / name)
        assert _failed_with(result) == "image.too_many_pixels"
        assert "pixels" in result.flags[0].message


def test_a_corrupt_image_fails_with_its_code(pictures: dict[str, Path], tmp_path: Path) -> None:
    (tmp_path / "cut.jpg").write_bytes(cut_short(pictures[".jpg"]))
    (tmp_path / "noise.png").write_bytes(noise_png())
    (tmp_path / "cut.tiff").write_bytes(cut_short(pictures[".tiff"]))
    for name in ("cut.jpg", "noise.png", "cut.tiff"):
        assert _failed_with(extract_document(tmp_path / name)) == "image.undecodable", name


def test_heic_without_its_library_fails_with_its_code(pictures: dict[str, Path],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(images, "HEIC_SUPPORTED", False)
    assert _failed_with(extract_document(pictures[".heic"])) == "image.heic_unsupported"


def test_an_image_named_pdf_is_still_refused_as_not_a_pdf(pictures: dict[str, Path], tmp_path: Path) -> None:
    shutil.copy(pictures[".png"], tmp_path / "photo.pdf")
    assert _failed_with(extract_document(tmp_path / "photo.pdf")) == "document.not_pdf"


def test_a_blank_image_is_a_document_with_no_text(tmp_path: Path) -> None:
    (tmp_path / "blank.png").write_bytes(blank_png())
    result = extract_document(tmp_path / "blank.png")
    assert result.status is DocumentStatus.PARTIAL and result.pages == 1
    assert [f.code for f in result.flags] == ["document.no_text"]


@pytest.mark.tesseract
def test_endorse_process_takes_a_photo_in_a_candidate_folder(pictures: dict[str, Path], tmp_path: Path) -> None:
    folder = tmp_path / "intake" / "c400"
    folder.mkdir(parents=True)
    photo = folder / "certificate photo.jpg"
    shutil.copy(pictures[".jpg"], photo)
    os.utime(photo, (photo.stat().st_mtime - 60,) * 2)  # settled: no wait for a file still being written
    (folder / "candidate.yaml").write_text("name: A Person\ncategory: policy\n")
    home = tmp_path / "home"
    runner = CliRunner()
    processed = runner.invoke(app, ["--home", str(home), "process", str(tmp_path / "intake")])
    assert processed.exit_code == 0, processed.output
    shown = runner.invoke(app, ["--home", str(home), "record", "c400", "--json"])
    record = json.loads(shown.output)
    expected = expected_of(pictures[".jpg"])
    assert [i["type"] for i in record["items"]] == [i["type"] for i in expected["items"]]
    assert [i["value"]["date"] for i in record["items"]] == [i["value"]["date"] for i in expected["items"]]
    archived = list((home / "archive").glob("*.jpg"))
    assert len(archived) == 1 and archived[0].read_bytes() == photo.read_bytes()

    from review import pages

    sha256, page = archived[0].stem, record["items"][0]["provenance"][0]["page"]
    shown_page = pages.page_image(home, sha256, archived[0], page)
    assert (round(shown_page.width), round(shown_page.height)) == (612, 792)
    with Image.open(shown_page.path) as picture:
        assert picture.height > picture.width  # shown upright, as it was read
