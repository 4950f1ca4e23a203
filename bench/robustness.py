"""Robustness: the bad-input corpus through the intake, then a seeded mutation fuzzer through `extract_document`.

Usage: ``python bench/robustness.py [--cases 3000] [--seconds 600] [--timeout 20] [--seed 8] [--ocr stub|real]
[--no-corpus] [--json]``. The fuzzer mutates the generated text PDFs (byte flips, truncations, chunk
duplications, deletions and zeroed runs) and runs each case in a worker process with a memory limit and a
per-case time limit: an exception escaping `extract_document` or a dead worker is a crash, a case past
the time limit a hang. With `--ocr stub` (the default) pages are still rendered but tesseract is replaced
by a reader that finds no words, so a few thousand cases fit in minutes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import multiprocessing as mp
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SEEDS = ["c001-exam", "c001-training-1", "c001-transcript", "c001-rsc-log", "c001-reference-1",
         "c002-membership", "c001-ethics", "c001-employment-1"]
MUTATIONS = ("flip", "truncate", "duplicate", "delete", "zero")
MEMORY_LIMIT = 3 << 30
"""Address space a worker may use: a decompression bomb ends as a crash here, not as the machine's swap."""


@dataclass
class FuzzTally:
    """What the fuzzer saw: runs completed, by outcome, and every crash and hang with the case that made it."""

    cases: int = 0
    completed: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    crashes: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    altered: int = 0
    seconds: float = 0.0


def mutate(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    """One seeded mutation of a PDF's bytes: (what was done, the new bytes)."""
    kind = rng.choice(MUTATIONS)
    size = len(data)
    if kind == "flip":
        out = bytearray(data)
        for _ in range(rng.randint(1, 16)):
            out[rng.randrange(size)] ^= 1 << rng.randrange(8)
        return kind, bytes(out)
    if kind == "truncate":
        return kind, data[: rng.randrange(size)]
    start = rng.randrange(size)
    length = rng.randint(1, min(4096, size - start))
    if kind == "duplicate":
        at = rng.randrange(size)
        return kind, data[:at] + data[start:start + length] + data[at:]
    if kind == "delete":
        return kind, data[:start] + data[start + length:]
    return kind, data[:start] + b"\x00" * length + data[start + length:]


def _worker(conn: Connection, ocr: str) -> None:
    """Extract each path sent; answer (outcome, detail). Runs under a memory limit."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    logging.disable(logging.WARNING)  # pdfminer's complaints about each damaged file
    from extractors import pagetext
    from extractors.document import extract_document

    if ocr == "stub":
        pagetext.ocr_image = lambda image, dpi, *a, **k: ([], 0)  # type: ignore[assignment]
    while True:
        path = conn.recv()
        if path is None:
            return
        try:
            result = extract_document(Path(path), max_pages=50, ocr_workers=1)
            codes = [f.code for f in result.flags if f.code.startswith("document.")]
            conn.send((result.status.value, codes[0] if result.status.value == "failure" and codes else ""))
        except BaseException as exc:  # noqa: BLE001 - the point: anything escaping is a crash to count
            conn.send(("crash", f"{type(exc).__name__}: {str(exc)[:120]}"))


class Worker:
    """One child process that extracts; replaced when it hangs or dies."""

    def __init__(self, ocr: str) -> None:
        self.ocr = ocr
        self._start()

    def _start(self) -> None:
        self.conn, child = mp.Pipe()
        self.process = mp.get_context("fork").Process(target=_worker, args=(child, self.ocr), daemon=True)
        self.process.start()

    def run(self, path: Path, timeout: float) -> tuple[str, str]:
        self.conn.send(str(path))
        if not self.conn.poll(timeout):
            self.restart()
            return "hang", f"no answer in {timeout:.0f} s"
        try:
            return self.conn.recv()  # type: ignore[no-any-return]
        except EOFError:
            code = self.process.exitcode
            self.restart()
            return "crash", f"worker died (exit {code})"

    def restart(self) -> None:
        self.process.kill()
        self.process.join()
        self._start()

    def close(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()


def fuzz(golden: Path, cases: int, seconds: float, timeout: float, seed: int, ocr: str = "stub") -> FuzzTally:
    """Run up to `cases` mutated PDFs through extraction, stopping when `seconds` have passed."""
    rng = random.Random(seed)
    sources = [(golden / f"{stem}.pdf").read_bytes() for stem in SEEDS if (golden / f"{stem}.pdf").exists()]
    tally, started = FuzzTally(), time.perf_counter()
    worker = Worker(ocr)
    try:
        with tempfile.TemporaryDirectory(prefix="endorse-fuzz-") as folder:
            for number in range(cases):
                if time.perf_counter() - started > seconds:
                    break
                kind, data = mutate(rng.choice(sources), rng)
                path = Path(folder) / f"case-{number}.pdf"
                path.write_bytes(data)
                digest = hashlib.sha256(data).hexdigest()
                outcome, detail = worker.run(path, timeout)
                tally.cases += 1
                tally.outcomes[outcome] += 1
                if outcome == "crash":
                    tally.crashes.append(f"case {number} ({kind}, seed {seed}): {detail}")
                elif outcome == "hang":
                    tally.hangs.append(f"case {number} ({kind}, seed {seed}): {detail}")
                else:
                    tally.completed += 1
                tally.altered += hashlib.sha256(path.read_bytes()).hexdigest() != digest
                path.unlink()
    finally:
        worker.close()
    tally.seconds = time.perf_counter() - started
    return tally


def corpus(golden: Path) -> dict[str, object]:
    """The bad-input corpus through the intake twice (fixtures/badinput.py), summed up."""
    from fixtures import badinput

    with tempfile.TemporaryDirectory(prefix="endorse-bad-") as folder:
        started = time.perf_counter()
        report = badinput.run(golden, Path(folder))
        return {"kinds": report.kinds, "pending": report.pending, "files": len(report.verdicts),
                "as_expected": sum(v.ok and v.listed for v in report.verdicts),
                "wrong": [f"{v.kind}/{v.path}: wanted {v.expected}, got {v.got}" for v in report.failures()],
                "crashes": report.crashes, "altered": report.altered, "misfiled": report.misfiled,
                "second_run_extracted": report.second_run_extracted, "seconds": time.perf_counter() - started}


def print_table(found: dict[str, object] | None, tally: FuzzTally, ocr: str) -> None:
    rows = []
    if found is not None:
        pending = f" (+{len(found['pending'])} pending: {', '.join(found['pending'])})" if found["pending"] else ""  # type: ignore[arg-type]
        rows += [("bad-input kinds tried", f"{found['kinds']}{pending}"),
                 ("bad-input files as expected", f"{found['as_expected']} of {found['files']}"),
                 ("bad-input run crashes", str(len(found["crashes"]))),  # type: ignore[arg-type]
                 ("originals lost or altered", str(len(found["altered"]))),  # type: ignore[arg-type]
                 ("files misfiled", str(len(found["misfiled"]))),  # type: ignore[arg-type]
                 ("second run re-extracted", f"{found['second_run_extracted']} (1 expected: the file being written)"),
                 ("bad-input time", f"{found['seconds']:.1f} s")]
    outcomes = ", ".join(f"{k} {v}" for k, v in sorted(tally.outcomes.items()))
    rate = tally.cases / max(tally.seconds, 1e-9)
    rows += [("fuzz cases run", f"{tally.cases} in {tally.seconds:.1f} s ({rate:.0f}/s, OCR {ocr})"),
             ("fuzz runs completed", f"{tally.completed} ({outcomes})"),
             ("fuzz crashes", str(len(tally.crashes))),
             ("fuzz hangs past the limit", str(len(tally.hangs))),
             ("fuzz inputs altered", str(tally.altered))]
    width = max(len(name) for name, _ in rows)
    print(f"| {'measure':{width}} | figure |\n|{'-' * (width + 2)}|--------|")
    for name, figure in rows:
        print(f"| {name:{width}} | {figure} |")
    for line in (found or {}).get("wrong", []) + tally.crashes[:20] + tally.hangs[:20]:  # type: ignore[operator]
        print("  ", line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--golden", type=Path, default=ROOT / "fixtures" / "corpus" / "golden")
    parser.add_argument("--cases", type=int, default=3000, help="fuzz cases at most")
    parser.add_argument("--seconds", type=float, default=600, help="time bound of the fuzzer")
    parser.add_argument("--timeout", type=float, default=20, help="seconds one case may take before it is a hang")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--ocr", choices=("stub", "real"), default="stub")
    parser.add_argument("--no-corpus", action="store_true", help="fuzz only")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    args = parser.parse_args(argv)
    if not args.golden.exists():
        from fixtures.generate import generate

        generate(args.golden.parent, seed=7)
    found = None if args.no_corpus else corpus(args.golden)
    tally = fuzz(args.golden, args.cases, args.seconds, args.timeout, args.seed, args.ocr)
    if args.json:
        print(json.dumps({"corpus": found, "fuzz": asdict(tally) | {"outcomes": dict(tally.outcomes)}}))
    else:
        print_table(found, tally, args.ocr)
    bad = (tally.crashes or tally.hangs or tally.altered
           or (found and (found["wrong"] or found["crashes"] or found["altered"] or found["misfiled"])))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
