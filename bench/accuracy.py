"""Accuracy over the fixture corpus: per kind, text and scanned apart: right, wrong, missed, extra, flags, silent.

Usage: python bench/accuracy.py [--corpus DIR] [--text-only] [--split tune|held_out] [--kind KIND]
The held-out split (layouts and a seed no extractor was tuned on) is the figure that matters.
A silent error is a wrong or missed item with no flag on it or on its document: the figure that must be 0.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractors.document import extract_document  # noqa: E402
from fixtures.compare import Comparison, compare  # noqa: E402
from fixtures.generate import generate  # noqa: E402

COLUMNS = ("right", "wrong", "missed", "extra", "flagged", "doubted", "silent", "unflagged_wrong")
HEADS = {"unflagged_wrong": "w-unflg"}
"""doubted: flagged for a doubt about the reading (not only for a fact the standard wants confirmed);
w-unflg: wrong items without a flag of their own, whatever their document says (the strict silent count)."""


def run(golden: Path, text_only: bool, split: str | None = None,
        kind: str | None = None) -> dict[tuple[str, str], list[Comparison]]:
    groups: dict[tuple[str, str], list[Comparison]] = defaultdict(list)
    for pdf in sorted(golden.glob("*.pdf")):
        scanned = pdf.name.endswith(".scan.pdf")
        if scanned and text_only:
            continue
        expected = json.loads(pdf.with_name(pdf.name[:-4] + ".expected.json").read_text())
        if (split and expected.get("split", "tune") != split) or (kind and expected["kind"] != kind):
            continue
        outcome = compare(extract_document(pdf), expected)
        groups[(expected["kind"], "scan" if scanned else "text")].append(outcome)
        for problem in outcome.problems:
            print(f"  {pdf.name}: {problem}", file=sys.stderr)
    return groups


def table(groups: dict[tuple[str, str], list[Comparison]]) -> None:
    print(f"{'kind':26} {'source':6} {'docs':>4} " + " ".join(f"{HEADS.get(c, c):>7}" for c in COLUMNS)
          + "  kind-ok  right%  flag% doubt%")
    for source in ("text", "scan"):
        total = {c: 0 for c in COLUMNS}
        docs = kinds_ok = 0
        for (kind, src), outcomes in sorted(groups.items()):
            if src != source:
                continue
            sums = {c: sum(getattr(o, c) for o in outcomes) for c in COLUMNS}
            ok = sum(o.kind_ok for o in outcomes)
            print(f"{kind:26} {src:6} {len(outcomes):>4} " + " ".join(f"{sums[c]:>7}" for c in COLUMNS)
                  + f"  {ok:>3}/{len(outcomes):<3} {_share(sums['right'], sums):>6} {_flag(sums):>6}"
                  f" {_flag(sums, 'doubted'):>6}")
            docs, kinds_ok = docs + len(outcomes), kinds_ok + ok
            total = {c: total[c] + sums[c] for c in COLUMNS}
        if docs:
            print(f"{'ALL':26} {source:6} {docs:>4} " + " ".join(f"{total[c]:>7}" for c in COLUMNS)
                  + f"  {kinds_ok:>3}/{docs:<3} {_share(total['right'], total):>6} {_flag(total):>6}"
                  f" {_flag(total, 'doubted'):>6}")


BINS = (0.0, 0.5, 0.8, 0.9, 0.95, 1.01)


def calibration(groups: dict[tuple[str, str], list[Comparison]]) -> None:
    """Items by confidence band: how many, and how many of them are right (c should mean c right)."""
    scored = [pair for outcomes in groups.values() for o in outcomes for pair in o.scored]
    print(f"\n{'confidence':>12} {'items':>6} {'right':>6} {'right%':>7}")
    for low, high in zip(BINS, BINS[1:], strict=False):
        band = [right for confidence, right in scored if low <= confidence < high]
        share = f"{100 * sum(band) / len(band):.1f}" if band else "-"
        print(f"{f'[{low:.2f}, {min(high, 1.0):.2f}]':>12} {len(band):>6} {sum(band):>6} {share:>7}")
    high = [right for confidence, right in scored if confidence >= 0.9]
    if high:
        print(f"{'>= 0.90':>12} {len(high):>6} {sum(high):>6} {100 * sum(high) / len(high):>7.1f}")


def _share(right: int, sums: dict[str, int]) -> str:
    expected = sums["right"] + sums["wrong"] + sums["missed"]
    return f"{100 * right / expected:.1f}" if expected else "-"


def _flag(sums: dict[str, int], column: str = "flagged") -> str:
    items = sums["right"] + sums["wrong"] + sums["extra"]
    return f"{100 * sums[column] / items:.1f}" if items else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=Path("fixtures/corpus"))
    parser.add_argument("--text-only", action="store_true")
    parser.add_argument("--split", choices=["tune", "held_out"], help="only this split (default: both, apart)")
    parser.add_argument("--kind", help="only this document kind")
    args = parser.parse_args()
    if not (args.corpus / "golden").is_dir():
        generate(args.corpus)
    started = time.perf_counter()
    for split in [args.split] if args.split else ["tune", "held_out"]:
        print(f"\n== split: {split} ==")
        groups = run(args.corpus / "golden", args.text_only, split, args.kind)
        table(groups)
        calibration(groups)
    print(f"\ndone in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
