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

import pytesseract.pytesseract as tesseract_runner  # noqa: E402

from extractors.document import extract_document  # noqa: E402
from extractors.ocr import page_arguments, word_arguments  # noqa: E402
from extractors.pagetext import page_image, render_page  # noqa: E402
from extractors.tesseract import TESSERACT, run_counts, run_key  # noqa: E402
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


TRIES = 3
BASELINE = ["tesseract", "PAGE.pgm", "-", *page_arguments(300)]
"""The pipeline's main read of a page, alone: the same image (its 300-dpi grayscale PGM), psm, dpi and output."""


class TesseractRuns:
    """Counts the tesseract processes the pipeline runs, by kind: main read, re-read batch, OSD."""

    def __init__(self) -> None:
        self.counts = {"main": 0, "re-read": 0, "OSD": 0}
        self.real = tesseract_runner.run_tesseract
        self.before = run_counts()

    def __enter__(self) -> TesseractRuns:
        def counting(input_filename, output_filename_base, extension, lang, config="", *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
            self.counts["OSD" if extension == "osd" else "main"] += 1
            return self.real(input_filename, output_filename_base, extension, lang, config, *args, **kwargs)

        tesseract_runner.run_tesseract = counting  # OSD still goes through pytesseract
        return self

    def __exit__(self, *exc: object) -> None:
        tesseract_runner.run_tesseract = self.real
        after = run_counts()
        for kind, key in (("main", run_key(page_arguments(300))), ("re-read", run_key(word_arguments(300)))):
            self.counts[kind] += after.get(key, 0) - self.before.get(key, 0)

    def __str__(self) -> str:
        return ", ".join(f"{n} {kind}" for kind, n in self.counts.items())


def ocr_overhead(scans: list[Path], work: Path) -> None:
    """The pipeline on scanned documents, one worker, against `tesseract` alone doing the pipeline's main read.

    Interleaved document by document (baseline pages, then the pipeline on that document), three times,
    the best of each side kept: a change in the machine's load touches both sides alike, and a burst of
    other work on the cores (the CI runners', another job's) falls on one try, not on the figure.
    The pipeline's tesseract processes stay up between pages and load their model once
    (extractors/tesseract.py); the baseline is the command line started cold, as a person would run it.
    """
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    baseline = pipeline = 0.0
    pages = 0
    with TesseractRuns() as runs:
        for pdf in scans:
            images = []
            for index in range(page_count(pdf)):
                images.append(work / f"{pdf.stem}-{index}.pgm")
                page_image(pdf, index, 300).save(images[-1])
            tries: dict[str, list[float]] = {"baseline": [], "pipeline": []}
            for _ in range(TRIES):
                tries["baseline"].append(sum(
                    timed(subprocess.run, [BASELINE[0], str(image), *BASELINE[2:]], env=env, capture_output=True,
                          check=True)[0] for image in images))
                tries["pipeline"].append(timed(extract_document, pdf, ocr_workers=1)[0])
            baseline, pipeline = baseline + min(tries["baseline"]), pipeline + min(tries["pipeline"])
            pages += len(images)
    row("OCR overhead ratio (sequential)", f"{pipeline / baseline:.2f}",
        f"best of {TRIES}: pipeline {pipeline:.1f} s / `{' '.join(BASELINE)}` {baseline:.1f} s, {pages} pages; "
        f"pipeline's tesseract runs: {runs}", "<= 1.15")


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


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the tesseracts), user and system.

    Tesseracts wait between pages for the next one: stop them first (`TESSERACT.close()`) so that their
    time is counted.
    """
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def parallel_speedup(batch: Path) -> None:
    """1 and 2 workers in the order 1, 2, 2, 1 (a load that drifts touches both alike), best of each.

    The CPU seconds of each configuration show that both do the same work: a speed-up above 2 on 2 cores
    can only come from the machine's other load changing between the runs. Each run starts its tesseracts
    afresh (their model loads are in its time) and stops them after, so that their CPU time is counted.
    """
    wall: dict[int, list[float]] = {1: [], 2: []}
    cpu: dict[int, list[float]] = {1: [], 2: []}
    for workers in (1, 2, 2, 1):
        TESSERACT.close()
        before = cpu_seconds()
        wall[workers].append(timed(extract_document, batch, ocr_workers=workers)[0])
        TESSERACT.close()
        cpu[workers].append(cpu_seconds() - before)
    one, two = min(wall[1]), min(wall[2])
    row(f"parallel speed-up, {page_count(batch)}-page scan, 2 workers vs 1", f"{one / two:.2f}x",
        f"best of 2: {one:.1f} s vs {two:.1f} s on {os.cpu_count()} cores; CPU {min(cpu[1]):.0f} s vs "
        f"{min(cpu[2]):.0f} s", ">= 1.7")


def _kib(path: Path, key: str) -> int:
    return next(int(line.split()[1]) for line in path.read_text().splitlines() if line.startswith(key))


def tree_memory_mb(pid: int) -> tuple[float, float]:
    """Memory of a process and its descendants now, from /proc (MB): the tree's PSS, and the root's own RSS.

    PSS (proportional set size) counts a page shared by n processes as 1/n in each, so the shared
    libraries of two tesseracts count once. A child between fork and exec (its name still the root's)
    is left out: it shares the parent's memory, and counting its RSS again made the old figure grow with
    the number of tesseract starts, not with memory.
    """
    root_name = Path(f"/proc/{pid}/comm").read_text()
    total, todo, own = 0, [pid], 0
    while todo:
        current = todo.pop()
        proc = Path(f"/proc/{current}")
        try:
            if current != pid and (proc / "comm").read_text() == root_name:
                continue
            total += _kib(proc / "smaps_rollup", "Pss:")
            if current == pid:
                own = _kib(proc / "status", "VmRSS:")
            for task in (proc / "task").iterdir():
                todo += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total / 1024, own / 1024


def peak_tree_memory(pdf: Path) -> tuple[float, float]:
    """Peak memory of the whole process tree (Python and its tesseracts) extracting one PDF with 2 workers,
    and the Python process's own peak RSS (MB).

    Sampled every 20 ms from /proc: ru_maxrss of children is no use here, since a forked child reports
    its parent's size at the fork, before it becomes tesseract.
    """
    child = subprocess.Popen([sys.executable, str(ROOT / "bench" / "extract_one.py"), str(pdf), "2"],
                             stdout=subprocess.DEVNULL)
    tree = own = 0.0
    while child.poll() is None:
        try:
            now_tree, now_own = tree_memory_mb(child.pid)
        except OSError:  # the process ended between poll and read
            break
        tree, own = max(tree, now_tree), max(own, now_own)
        time.sleep(0.02)
    return tree, own


def peak_memory(short: Path, long: Path) -> None:
    (small, small_own), (big, big_own) = peak_tree_memory(short), peak_tree_memory(long)
    row(f"peak memory, {page_count(long)}-page scan (process tree, PSS)", f"{big:.0f} MB",
        f"{page_count(short)}-page scan: {small:.0f} MB, ratio {big / small:.2f}; Python's own RSS "
        f"{big_own:.0f} vs {small_own:.0f} MB", "<= 600 MB, within 10 %")


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
    """The Prefect intake flow against the plain recipe over the same folder, each into a home of its own."""
    import flows  # noqa: F401  (Prefect's environment first)
    from flows.intake import intake_flow
    from pipeline import recipe
    from pipeline.settings import Settings

    intake = intake_folder(corpus, work / "intake", 20)
    (work / "empty").mkdir()
    intake_flow(str(work / "empty"), str(work / "warm-up"))  # starts the temporary API server
    tries: dict[str, list[float]] = {"plain": [], "flow": []}
    for n in range(TRIES - 1):  # interleaved, the best of each kept: a burst of other load falls on one try
        tries["plain"].append(timed(recipe.process_intake, intake,
                                    Settings(home=work / f"plain-{n}", stable_seconds=0))[0])
        tries["flow"].append(timed(intake_flow, str(intake), str(work / f"flowed-{n}"))[0])
    plain, flowed = min(tries["plain"]), min(tries["flow"])
    row("flow overhead ratio (20 documents, half scanned)", f"{flowed / plain:.2f}",
        f"best of {TRIES - 1}: flow {flowed:.1f} s / recipe {plain:.1f} s, API server already up", "<= 1.3")


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
    load_at_start = os.getloadavg()[0]
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
          f"(max RSS of this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; "
          f"load average {load_at_start:.1f} at the start, {os.getloadavg()[0]:.1f} at the end: above 0, other "
          "processes shared the cores and absolute figures are slower, the ratios less so)")
    print(f"{'measure':{width}}  {'figure':>14}  {'target':<24} baseline measured in the same run")
    for name, figure, baseline, target in ROWS:
        print(f"{name:{width}}  {figure:>14}  {target:<24} {baseline}")


if __name__ == "__main__":
    main()
