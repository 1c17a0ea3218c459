#!/usr/bin/env python3
"""Score the policy metadata (文号, 发文机关, 文种, dates, title) and the body on the notice dev set.

The set is tests/fixtures/notices/: made-up notices in the layouts of gov.cn
and provincial 信息公开 pages, each as HTML and as a crawler text dump, with
gold written from each page's spec (benchmarks/notices/make_notices.py). It is
small and synthetic: it shows the finders work on the shapes those sites use,
not how often real pages take other shapes.

Usage: python benchmarks/score_policy.py [--pages]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.score_extraction import prf  # noqa: E402
from scrapedocs.model import Collection  # noqa: E402
from scrapedocs.pipeline import PIPELINE, convert  # noqa: E402
from scrapedocs.read import load_source  # noqa: E402

NOTICES = ROOT / "tests" / "fixtures" / "notices"
FIELDS = ("title", "doc_number", "issuer", "doc_type", "date", "written_date", "effective_date")


def convert_one(path: Path):
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / path.name
        copy.write_bytes(path.read_bytes())
        stages = [s for s in PIPELINE if s.name not in ("render",)]
        return convert(Collection([load_source(copy, Path(tmp))]), stages).docs[0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", action="store_true", help="print every page's misses")
    args = ap.parse_args()
    gold = json.loads((NOTICES / "gold.json").read_text(encoding="utf-8"))
    print(f"{'input':6} {'pages':>5} " + " ".join(f"{f:>14}" for f in FIELDS) + f" {'body F1':>8}")
    for suffix in (".html", ".txt"):
        right = dict.fromkeys(FIELDS, 0)
        asked = dict.fromkeys(FIELDS, 0)
        f1s = []
        for name, g in sorted(gold.items()):
            doc = convert_one(NOTICES / f"{name}{suffix}")
            body = "\n".join(f"{block.lead} {block.text}".strip() for block in doc.blocks)
            f1s.append(prf(body, g["body"])[2])
            for field in FIELDS:
                if field not in g:
                    continue
                asked[field] += 1
                got = str(doc.meta.get(field) or "")
                if got == g[field]:
                    right[field] += 1
                elif args.pages:
                    print(f"  {name}{suffix}: {field}: want {g[field]!r}, got {got!r}")
        cells = " ".join(f"{right[f]:>5}/{asked[f]:<8}" for f in FIELDS)
        print(f"{suffix[1:]:6} {len(gold):>5} {cells} {sum(f1s) / len(f1s):>8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
