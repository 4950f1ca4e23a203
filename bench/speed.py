"""Speed and memory, every figure measured in this run against a baseline measured in the same run.

Usage: python bench/speed.py [--corpus DIR] [--quick]
Prints one table: text-layer pages/s; OCR overhead against the tesseract command line on the same
page images; 2-worker speed-up on a scanned batch; Prefect flow overhead against the plain recipe;
the nightly re-check of many unchanged candidates; peak memory of a long scan against a short one.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from extractors.document import extract_document  # noqa: E402
from extractors.ocr import PAGE_PSM  # noqa: E402
from extractors.pagetext import render_page  # noqa: E402
from fixtures.generate import generate  # noqa: E402

ROWS: list[tuple[str, str, str, str]] = []


def row(name: str, figure: str, baseline: str, target: str) -> None:
    ROWS.append((name, figure, baseline, target))
    print(f"  {name}: {figure} ({baseline})", file=sys.stderr)


def timed(fn, *args, **kwargs) -> tuple[float, object]:  # noqa: ANN001
    started = time.perf_counter()
    value = fn(*args, **kwargs)
    return time.perf_counter() - started, value


def page_count(pdf: Path) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def text_pages_per_second(text_pdfs: list[Path]) -> None:
    extract_document(text_pdfs[0])  # load spaCy and the patterns once, as a long-running process does
    pages = sum(page_count(p) for p in text_pdfs)
    seconds = sum(timed(extract_document, p)[0] for p in text_pdfs)
    row("text-layer pages/s (1 process)", f"{pages / seconds:.1f} pages/s", f"{pages} pages in {seconds:.1f} s",
        ">= 8")


def ocr_overhead(scans: list[Path], work: Path) -> None:
    """The pipeline on scanned documents, one worker, against `tesseract` alone on the same 300-dpi images."""
    images = []
    for pdf in scans:
        for index in range(page_count(pdf)):
            image = work / f"{pdf.stem}-{index}.png"
            render_page(pdf, index, 300).save(image, compress_level=0)
            images.append(image)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    command = ["tesseract", "-", "--psm", str(PAGE_PSM), "--dpi", "300", "tsv"]  # the pipeline's main read
    baseline = sum(timed(subprocess.run, [command[0], str(i), *command[1:]], env=env,
                         capture_output=True, check=True)[0] for i in images)
    pipeline = sum(timed(extract_document, p, ocr_workers=1)[0] for p in scans)
    row("OCR overhead ratio (sequential)", f"{pipeline / baseline:.2f}",
        f"pipeline {pipeline:.1f} s / tesseract CLI {baseline:.1f} s on {len(images)} pages", "<= 1.15")


def long_scan(scans: list[Path], pages: int, out: Path) -> Path:
    """An image-only PDF of `pages` pages, cycling through the scanned fixtures' pages."""
    sources = [(pdf, i) for pdf in scans for i in range(page_count(pdf))]
    first = None
    rest = []
    for n in range(pages):
        pdf, index = sources[n % len(sources)]
        image = render_page(pdf, index, 200).convert("L")
        if first is None:
            first = image
        else:
            rest.append(image)
    assert first is not None
    first.save(out, "PDF", resolution=200, save_all=True, append_images=rest)
    return out


def parallel_speedup(batch: Path) -> None:
    one, _ = timed(extract_document, batch, ocr_workers=1)
    two, _ = timed(extract_document, batch, ocr_workers=2)
    row(f"parallel speed-up, {page_count(batch)}-page scan, 2 workers vs 1", f"{one / two:.2f}x",
        f"{one:.1f} s vs {two:.1f} s on {os.cpu_count()} cores", ">= 1.7")


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants now, from /proc (MB)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total / 1024


def peak_tree_memory(pdf: Path) -> float:
    """Peak resident memory of the whole process tree (Python and its tesseracts) extracting one PDF.

    Sampled every 20 ms from /proc: ru_maxrss of children is no use here, since a forked child reports
    its parent's size at the fork, before it becomes tesseract.
    """
    child = subprocess.Popen([sys.executable, str(ROOT / "bench" / "extract_one.py"), str(pdf), "2"],
                             stdout=subprocess.DEVNULL)
    peak = 0.0
    while child.poll() is None:
        peak = max(peak, tree_rss_mb(child.pid))
        time.sleep(0.02)
    return peak


def peak_memory(short: Path, long: Path) -> None:
    small, big = peak_tree_memory(short), peak_tree_memory(long)
    row(f"peak memory, {page_count(long)}-page scan (whole process tree)", f"{big:.0f} MB",
        f"{page_count(short)}-page scan: {small:.0f} MB, ratio {big / small:.2f}", "<= 600 MB, within 10 %")


def intake_folder(corpus: Path, out: Path, documents: int) -> Path:
    """A folder of mixed documents, half scanned, spread over candidates of 5 documents."""
    golden = sorted((corpus / "golden").glob("*.pdf"))
    texts = [p for p in golden if not p.name.endswith(".scan.pdf")]
    scans = [p for p in golden if p.name.endswith(".scan.pdf") and page_count(p) == 1]
    chosen = [doc for pair in zip(texts, scans, strict=False) for doc in pair][:documents]
    for n, pdf in enumerate(chosen):
        folder = out / f"b{n // 5:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(pdf, folder / pdf.name)
    return out


def flow_overhead(corpus: Path, work: Path) -> None:
    import flows  # noqa: F401  (Prefect's environment first)
    from flows.intake import intake_flow
    from pipeline import recipe
    from pipeline.settings import Settings

    intake = intake_folder(corpus, work / "intake", 20)
    (work / "empty").mkdir()
    intake_flow(str(work / "empty"), str(work / "warm-up"))  # starts the temporary API server
    plain, _ = timed(recipe.process_intake, intake, Settings(home=work / "plain", stable_seconds=0))
    flowed, _ = timed(intake_flow, str(intake), str(work / "flowed"))
    row("flow overhead ratio (20 documents, half scanned)", f"{flowed / plain:.2f}",
        f"flow {flowed:.1f} s / recipe {plain:.1f} s, API server already up", "<= 1.3")


def nightly_recheck(corpus: Path, work: Path, candidates: int) -> None:
    from flows.nightly import nightly_flow
    from pipeline import recipe
    from pipeline.settings import Settings
    from pipeline.store import open_store

    texts = sorted(p for p in (corpus / "golden").glob("c00*.pdf") if not p.name.endswith(".scan.pdf"))[:4]
    intake = work / "many"
    for n in range(candidates):
        folder = intake / f"n{n:04d}"
        folder.mkdir(parents=True)
        (folder / "candidate.yaml").write_text("category: clinical\napplied_on: 2026-10-01\n")
        for pdf in texts:
            shutil.copy(pdf, folder / pdf.name)
    settings = Settings(home=work / "nightly", stable_seconds=0)
    recipe.process_intake(intake, settings)
    before = {d.id: d.processed_at for d in open_store(settings.url).documents()}
    seconds, _ = timed(nightly_flow, str(settings.home))
    reread = sum(1 for d in open_store(settings.url).documents() if before.get(d.id) != d.processed_at)
    row(f"nightly re-check, {candidates} unchanged candidates", f"{seconds:.1f} s",
        f"{reread} documents re-read of {len(before)}", "<= 20 s, 0 re-read")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT / "fixtures" / "corpus")
    parser.add_argument("--quick", action="store_true", help="smaller batches (40->10, 150->40 pages, 200->50)")
    args = parser.parse_args()
    if not (args.corpus / "golden").is_dir():
        generate(args.corpus)
    golden = sorted((args.corpus / "golden").glob("*.pdf"))
    texts = [p for p in golden if not p.name.endswith(".scan.pdf")]
    scans = [p for p in golden if p.name.endswith(".scan.pdf")][:8]
    with tempfile.TemporaryDirectory(prefix="endorse-bench-") as tmp:
        work = Path(tmp)
        os.environ["ENDORSE_HOME"] = str(work / "home")
        os.environ["PREFECT_HOME"] = str(work / "prefect")
        text_pages_per_second(texts)
        ocr_overhead(scans, work)
        batch = long_scan(scans, 10 if args.quick else 40, work / "batch.pdf")
        parallel_speedup(batch)
        short = long_scan(scans, 10 if args.quick else 30, work / "short.pdf")
        long = long_scan(scans, 40 if args.quick else 150, work / "long.pdf")
        peak_memory(short, long)
        flow_overhead(args.corpus, work)
        nightly_recheck(args.corpus, work, 50 if args.quick else 200)
    width = max(len(r[0]) for r in ROWS)
    print(f"\nspeed and memory on {os.cpu_count()} cores "
          f"(max RSS of this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")
    print(f"{'measure':{width}}  {'figure':>14}  {'target':<24} baseline measured in the same run")
    for name, figure, baseline, target in ROWS:
        print(f"{name:{width}}  {figure:>14}  {target:<24} {baseline}")


if __name__ == "__main__":
    main()
