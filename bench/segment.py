"""Word segmentation benchmark: sleukrith vs khmer-nltk, khmercut (CRF and nn) and ICU.

    .venv/bin/python bench/segment.py [--quick]

Gold: the dev split of ``sleukrith.segment._corpus`` (NIPTICT 2015 news sentences and a khPOS
portion; never used for training). For each tool and text kind: compound-level boundary F1
(on the text without spaces), whole-word F1, fine (morpheme) boundary F1 (tools without a
morpheme level are scored with their normal output), chars/s (one call per sentence, after a
warm-up call), and how many outputs were lossless. Then, per tool in a fresh process: model
load time, and peak RSS and chars/s segmenting the whole dev split (~0.8 MB) at once. Writes the
``segment`` section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import logging
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from _report import data_dir, write_section  # noqa: E402

from sleukrith.segment._corpus import Scores, read_all, spans_of  # noqa: E402

# --- the tools: name -> (setup() -> (coarse(text) -> list[str], fine(text) -> list[str])) ----


def _sleukrith():
    import sleukrith.segment as seg

    def coarse(t):
        return seg.words(t)

    def fine(t):
        return seg.words(t, level="morpheme")

    coarse.reset = seg._default_segmenter.model._cache.clear  # timing starts cold
    coarse.batch = lambda texts: list(seg.pipe(texts))  # many short texts in one pass
    return coarse, fine


def _khmer_nltk():
    logging.disable(logging.CRITICAL)
    from khmernltk import word_tokenize

    def coarse(t):
        return word_tokenize(t, return_tokens=True)

    return coarse, coarse


def _khmercut_crf():
    import khmercut

    return khmercut.tokenize, khmercut.tokenize


def _khmercut_nn():
    import khmercut.nn as nn

    def coarse(t):
        return nn.tokenize(t)

    def fine(t):
        return [p for w in nn.tokenize(t, deep=True) for p in w]

    return coarse, fine


def _icu():
    import icu

    bi = icu.BreakIterator.createWordInstance(icu.Locale("km"))

    def coarse(t):
        bi.setText(t)
        out, prev = [], 0
        for b in bi:
            out.append(t[prev:b])
            prev = b
        return out

    return coarse, coarse


TOOLS = {
    "sleukrith": _sleukrith,
    "khmer-nltk 1.6": _khmer_nltk,
    "khmercut 0.2.0 CRF": _khmercut_crf,
    "khmercut 0.2.0 nn": _khmercut_nn,
    "ICU (PyICU)": _icu,
}


SPEED_SENTENCES = 400  # per text kind, for the timing rounds
ROUNDS = 3  # timing rounds, tools interleaved; the best round counts (shared, noisy CPU)


def accuracy(name: str, tools: dict, groups: dict[str, list]) -> dict:
    coarse, fine = tools[name]
    out = {}
    for gname, sents in groups.items():
        sw, sf = Scores(), Scores()
        for s in sents:
            toks = coarse(s.text)
            ftoks = toks if fine is coarse else fine(s.text)
            sw.add(s.text, s.words, spans_of(toks, s.text), "".join(toks) == s.text)
            sf.add(s.text, s.fine, spans_of(ftoks, s.text), "".join(ftoks) == s.text)
        out[gname] = {
            "b_f1": sw.boundary_f1,
            "w_f1": sw.word_f1,
            "fine_b_f1": sf.boundary_f1,
            "lossless": sw.lossless,
            "n": sw.sentences,
            "chars_s": 0.0,
            "doc_chars_s": 0.0,
            "batch_chars_s": 0.0,
        }
    return out


def timing(coarse, texts: list[str]) -> tuple[float, float, float]:
    """(chars/s one call per sentence, chars/s the sentences joined in one call, chars/s of the
    tool's batch call over the list of sentences — 0 when it has none)."""
    reset = getattr(coarse, "reset", lambda: None)
    reset()
    t0 = time.perf_counter()
    for t in texts:
        coarse(t)
    n = sum(map(len, texts))
    per_sentence = n / (time.perf_counter() - t0)
    doc = "\n".join(texts)
    reset()
    t0 = time.perf_counter()
    coarse(doc)
    whole = len(doc) / (time.perf_counter() - t0)
    batched = 0.0
    if hasattr(coarse, "batch"):
        reset()
        t0 = time.perf_counter()
        coarse.batch(texts)
        batched = n / (time.perf_counter() - t0)
    return per_sentence, whole, batched


_PROBE = r"""
import json, resource, sys, time
sys.path.insert(0, {src!r}); sys.path.insert(0, {bench!r})
import segment as b
text = open({path!r}, encoding="utf-8").read()[: {size}]
t0 = time.perf_counter()
coarse, _ = b.TOOLS[{name!r}]()
coarse("ការ")
load = time.perf_counter() - t0
t0 = time.perf_counter()
coarse(text)
dt = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
try:  # ru_maxrss survives exec (it would report the parent's peak): use VmHWM
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            rss = int(line.split()[1]) / 1024
except OSError:
    pass
print(json.dumps({{"load": load, "rss": rss, "doc_chars_s": len(text) / dt, "chars": len(text)}}))
"""


PROBE_TIMEOUT = 400
# khmercut's nn runs at a few thousand chars/s: it gets 100k characters, not 1 MB
PROBE_SIZE = {"khmercut 0.2.0 nn": 100_000}


def probe(name: str, path: Path) -> dict:
    code = _PROBE.format(
        src=str(ROOT / "src"),
        bench=str(ROOT / "bench"),
        path=str(path),
        name=name,
        size=PROBE_SIZE.get(name, 1_000_000),
    )
    try:
        r = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=PROBE_TIMEOUT
        )
    except subprocess.TimeoutExpired:
        return {"error": f"no result within {PROBE_TIMEOUT} s"}
    if r.returncode != 0:
        return {"error": r.stderr.strip().splitlines()[-1] if r.stderr.strip() else "failed"}
    return json.loads(r.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="300 sentences per kind, no 1 MB probe")
    ap.add_argument("--tools", nargs="*", default=list(TOOLS))
    args = ap.parse_args()
    dev = [s for s in read_all(data_dir()) if s.dev]
    groups = {
        "news": [s for s in dev if s.domain == "news"],
        "khPOS": [s for s in dev if s.source == "khpos"],
    }
    if args.quick:
        groups = {k: v[:300] for k, v in groups.items()}
    tools, results = {}, {}
    for name in args.tools:
        try:
            tools[name] = TOOLS[name]()
        except ImportError as exc:
            print(f"{name}: not installed ({exc})", file=sys.stderr)
            continue
        coarse, fine = tools[name]
        coarse("ការ")  # warm-up: lazy model loading is measured separately
        fine("ការ")
        results[name] = accuracy(name, tools, groups)
        print(name, json.dumps(results[name]), flush=True)
    for _ in range(1 if args.quick else ROUNDS):
        for name, (coarse, _fine) in tools.items():
            for gname, sents in groups.items():
                per_s, doc_s, batch_s = timing(coarse, [s.text for s in sents[:SPEED_SENTENCES]])
                r = results[name][gname]
                r["chars_s"] = max(r["chars_s"], per_s)
                r["doc_chars_s"] = max(r["doc_chars_s"], doc_s)
                r["batch_chars_s"] = max(r["batch_chars_s"], batch_s)
        print(
            "timing round",
            json.dumps(
                {n: {g: round(r["chars_s"]) for g, r in v.items()} for n, v in results.items()}
            ),
            flush=True,
        )
    probes = {}
    if not args.quick:
        # all dev sentences (every NIPTICT domain and khPOS): ~1 MB without repeating text
        doc = "\n".join(s.text for s in dev)
        path = Path("/tmp/sleukrith-bench-segment.txt")
        path.write_text(doc, encoding="utf-8")
        for name in results:
            probes[name] = probe(name, path)
            print(name, probes[name], flush=True)
    write_section("segment", render(results, probes, groups))


def render(results: dict, probes: dict, groups: dict) -> str:
    base = results.get("khmercut 0.2.0 CRF")
    lines = [
        "## Word segmentation",
        "",
        "Dev split of NIPTICT 2015 news and khPOS (held out from training; see "
        "`src/sleukrith/segment/MODEL_CARD.md`): "
        + ", ".join(f"{k} {len(v)} sentences" for k, v in groups.items())
        + ". B-F1: compound-level boundary F1 on the text without spaces; W-F1: whole-word F1;"
        " fine B-F1: morpheme boundaries (tools without a morpheme level are scored with their"
        " normal output); chars/s per sentence: one call per sentence; whole text: the"
        " sentences joined by newlines, one call (sleukrith's run cache cleared first);"
        " batched: the list of sentences in the tool's own batch call (sleukrith:"
        " `segment.pipe(sentences)`; the others have none, — ); ratios are against khmercut"
        " CRF in the same column (batched: against its per-sentence loop); speed on"
        f" the first {SPEED_SENTENCES} sentences of each kind, best of {ROUNDS} rounds with the"
        " tools interleaved;"
        " lossless: per-sentence outputs that join back to the input.",
        "",
        "| tool | text | B-F1 | W-F1 | fine B-F1 | chars/s per sentence | x CRF "
        "| chars/s batched | x CRF | chars/s whole text | x CRF | lossless |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, per in results.items():
        for g, r in per.items():
            ratio = r["chars_s"] / base[g]["chars_s"] if base else float("nan")
            dratio = r["doc_chars_s"] / base[g]["doc_chars_s"] if base else float("nan")
            if r["batch_chars_s"]:
                bratio = r["batch_chars_s"] / base[g]["chars_s"] if base else float("nan")
                batched = f"{r['batch_chars_s']:,.0f} | {bratio:.1f}"
            else:
                batched = "— | —"
            lines.append(
                f"| {name} | {g} | {r['b_f1']:.4f} | {r['w_f1']:.4f} | {r['fine_b_f1']:.4f} "
                f"| {r['chars_s']:,.0f} | {ratio:.1f} | {batched} "
                f"| {r['doc_chars_s']:,.0f} | {dratio:.1f} | {r['lossless']}/{r['n']} |"
            )
    if probes:
        lines += [
            "",
            "The whole dev split (all domains) as one text in one call, fresh process per tool"
            " (peak RSS = VmHWM):",
            "",
            "| tool | characters | load s | chars/s | peak RSS MB |",
            "|---|---|---|---|---|",
        ]
        for name, p in probes.items():
            if "error" in p:
                lines.append(f"| {name} | | error: {p['error'][:60]} | | |")
            else:
                lines.append(
                    f"| {name} | {p['chars']:,} | {p['load']:.2f} | {p['doc_chars_s']:,.0f} "
                    f"| {p['rss']:,.0f} |"
                )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
