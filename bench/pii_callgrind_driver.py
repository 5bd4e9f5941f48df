"""Run one detect() pass over 500-character messages, for bench/callgrind_pii.sh to count.

Warms up (loads, fills the caches), writes GO.ready with its pid, waits for GO to appear (the
script switches callgrind's instrumentation on), runs the pass, writes GO.done and waits for
GO to go away (instrumentation off), so only the pass is counted.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from trustdesk.privacy.pii import PiiDetector

DATA = Path(__file__).parent / "data" / "pii" / "independent_dev.jsonl"


def messages_of_500() -> list[str]:
    """The dev set's messages joined in order and cut at 500 characters (as bench/pii.py)."""
    texts, buf = [], ""
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        text = json.loads(line)["text"]
        buf = f"{buf} {text}" if buf else text
        if len(buf) >= 500:
            texts.append(buf[:500])
            buf = ""
    return texts


def main() -> None:
    go = Path(sys.argv[1])
    texts = messages_of_500()
    detector = PiiDetector()
    for text in texts:
        detector.detect(text)
    Path(f"{go}.ready").write_text(str(os.getpid()), encoding="ascii")
    while not go.exists():
        time.sleep(0.05)
    for text in texts:
        detector.detect(text)
    Path(f"{go}.done").write_text(str(len(texts)), encoding="ascii")
    while go.exists():
        time.sleep(0.05)


if __name__ == "__main__":
    main()
