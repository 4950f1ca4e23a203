"""Extract one PDF (bench/speed.py samples this process tree's memory); prints its own max RSS in KiB."""

import json
import resource
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractors.document import extract_document  # noqa: E402

if __name__ == "__main__":
    extract_document(Path(sys.argv[1]), ocr_workers=int(sys.argv[2]) if len(sys.argv) > 2 else 2)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps([own, child]))
