"""Keep only the quotations of chosen acts in an ``extract --format jsonl`` file.

The reference scorer scores every quotation it is given; the issue-15 target (bbc-dev
indirect items that are speech) is measured on the speech items alone::

    newsgraph extract ../shared/gold/bbc-dev/text/*.txt --format jsonl > /tmp/all.jsonl
    python3 scripts/speech_only.py < /tmp/all.jsonl > /tmp/speech.jsonl
    python3 ../shared/tools/score_quotes.py --gold ../shared/gold/bbc-dev/gold \\
        --pred /tmp/speech.jsonl --kinds indirect

``--act speech,thought`` keeps several acts. ``newsgraph extract --act speech`` does the same.
"""

from __future__ import annotations

import argparse
import json
import sys


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--act", default="speech", help="comma list of speech,thought,other")
    args = ap.parse_args(argv)
    acts = set(args.act.split(","))
    for line in sys.stdin:
        if not line.strip():
            continue
        art = json.loads(line)
        art["quotes"] = [q for q in art.get("quotes", []) if q.get("act", "speech") in acts]
        sys.stdout.write(json.dumps(art, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
