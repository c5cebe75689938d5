#!/usr/bin/env python3
"""Peer comparison: accord vs spaCy (rule pipeline), blingfire, flashtext, VADER and pySBD.

Run through bench/peers/run.sh, which makes the virtual environment, builds accord, writes the
corpus and pins everything to one core. Every figure is MB of *input* per second (1 MB = 10^6
bytes), best of --runs wall-clock runs. See bench/peers/README.md.
"""

import argparse
import collections
import datetime
import gc
import importlib.metadata
import json
import os
import platform
import resource
import stat
import subprocess
import sys
import tempfile
import time
import unicodedata

PACKAGES = ["spacy", "thinc", "numpy", "blingfire", "flashtext", "vaderSentiment", "pysbd"]


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# The corpus and how it is fed to the Python tools

def paragraphs_of(text):
    """Paragraphs as accord-bench joined them (with "\\n\\n"); empty ones dropped."""
    return [p for p in text.split("\n\n") if p.strip()]


def feed_chunks(text, feed, chunk_bytes):
    """The pieces each peer is called on.

    paragraphs: one call per paragraph. articles: consecutive paragraphs joined again with
    "\\n\\n" until a piece reaches chunk_bytes (the corpus's mean article is ~2.2 kB), so the
    per-call overhead is that of article-size documents. spaCy refuses documents over
    nlp.max_length (10^6 characters), so the whole 20 MB cannot be one Doc.
    """
    paras = paragraphs_of(text)
    if feed == "paragraphs":
        return paras
    chunks, cur, size = [], [], 0
    for p in paras:
        cur.append(p)
        size += len(p.encode("utf-8")) + 2
        if size >= chunk_bytes:
            chunks.append("\n\n".join(cur))
            cur, size = [], 0
    if cur:
        chunks.append("\n\n".join(cur))
    return chunks


def nbytes(items):
    return sum(len(s.encode("utf-8")) for s in items)


# ---------------------------------------------------------------------------------------------
# accord's lexicons -> phrase lists, generated the way accord's TaggingLexicon does it

def read_lexicon(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            s = line.strip()
            if not s or s.startswith("#"):
                continue
            rows.append([x.strip() for x in line.split("\t")])
    return rows


def attributes(field):
    out = {}
    for part in field.split(";"):
        part = part.strip()
        if "=" in part:
            k, v = part.split("=", 1)
            out[k.strip()] = v.strip()
    return out


IRREGULAR_PLURALS = {"child": "children", "person": "people", "woman": "women", "man": "men",
                     "youth": "youths", "analysis": "analyses", "crisis": "crises", "criterion": "criteria"}


def plurals(noun):  # port of Inflection.plurals (Sources/Accord/Lexicon/Inflection.swift)
    lower = noun.lower()
    if lower in IRREGULAR_PLURALS:
        return [IRREGULAR_PLURALS[lower]]
    if lower.endswith("man"):
        return [noun[:-3] + "men"]
    forms = []
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        forms.append(noun + "es")
    elif lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        forms.append(noun[:-1] + "ies")
    else:
        forms.append(noun + "s")
    if lower.endswith("fe"):
        forms.append(noun[:-2] + "ves")
    elif lower.endswith("f"):
        forms.append(noun[:-1] + "ves")
    return forms


def verb_forms(verb):  # port of Inflection.verbForms
    lower = verb.lower()
    forms = [verb] + plurals(verb)
    vowels = "aeiou"
    last = lower[-1:] or " "
    before = lower[-2:-1] or " "
    if last == "e":
        forms.append(verb + "d")
        if lower.endswith("ie"):
            forms.append(verb[:-2] + "ying")
        elif lower.endswith(("ee", "ye", "oe")):
            forms.append(verb + "ing")
        else:
            forms.append(verb[:-1] + "ing")
    elif last == "y" and before not in vowels:
        forms += [verb[:-1] + "ied", verb + "ing"]
    else:
        forms += [verb + "ed", verb + "ing"]
        if len(lower) >= 3 and last not in vowels and last not in "wxy" and before in vowels \
                and lower[-3] not in vowels:
            forms += [verb + verb[-1] + "ed", verb + verb[-1] + "ing"]
    if lower.endswith("c"):
        forms += [verb + "ked", verb + "king"]
    return forms


def fold_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def lexicon_terms(lexdir):
    """(label, phrase, exact) for every actor, initiative, action and target form accord matches.

    Mirrors TaggingLexicon: actor phrases (+ plurals of organizations and groups) and aliases,
    case=exact kept exact (an alias of <= 4 capitals is exact too); initiatives without a leading
    "the " (back-references); every action lemma with its generated and irregular forms (the
    first word inflects); target terms and their plurals. accord folds case and diacritics; the
    peers fold case only, so a phrase with accents also gets an accent-free copy.
    """
    base = collections.Counter()
    terms = []

    def add(label, phrase, exact):
        terms.append((label, phrase, exact))
        if not exact:
            plain = fold_accents(phrase)
            if plain != phrase:
                terms.append((label, plain, exact))

    for row in read_lexicon(os.path.join(lexdir, "actors.txt")):
        phrase, typ = row[0], row[2]
        attrs = attributes(row[3]) if len(row) > 3 else {}
        exact = attrs.get("case") == "exact"
        base["actor"] += 1
        add("ACTOR", phrase, exact)
        if typ in ("group", "organization") and not exact:
            for p in plurals(phrase):
                add("ACTOR", p, False)
        for alias in filter(None, (a.strip() for a in attrs.get("alias", "").split("|"))):
            base["actor"] += 1
            add("ACTOR", alias, len(alias) <= 4 and alias.upper() == alias)

    for row in read_lexicon(os.path.join(lexdir, "initiatives.txt")):
        phrase = row[0]
        if phrase.lower().startswith("the "):
            phrase = phrase[4:]
        base["initiative"] += 1
        add("INITIATIVE", phrase, False)

    irregular = {row[0].lower(): [f.strip() for f in row[1].split(",") if f.strip()]
                 for row in read_lexicon(os.path.join(lexdir, "verb-forms.txt"))}
    for row in read_lexicon(os.path.join(lexdir, "actions.txt")):
        words = row[0].split(" ", 1)
        rest = " " + words[1] if len(words) > 1 else ""
        base["action"] += 1
        for form in verb_forms(words[0]) + irregular.get(words[0].lower(), []):
            add("ACTION", form + rest, False)

    for row in read_lexicon(os.path.join(lexdir, "targets.txt")):
        base["target"] += 1
        add("TARGET", row[0], False)
        for p in plurals(row[0]):
            add("TARGET", p, False)

    # One entry per (label, form); folded forms compare lower-cased.
    seen, unique = set(), []
    for label, phrase, exact in terms:
        key = (label, exact, phrase if exact else phrase.lower())
        if key not in seen:
            seen.add(key)
            unique.append((label, phrase, exact))
    return base, unique


# ---------------------------------------------------------------------------------------------
# Timing

def cpu_seconds():
    """CPU time of this process and of its waited-for children (user + system)."""
    ch = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + ch.ru_utime + ch.ru_stime


def best_of(runs, fn):
    """(best wall time, best CPU time) of `runs` calls of fn; a collection between runs, none inside.

    The CPU time (this process and the accord child, user + system) is what the work cost when
    other processes share the core: a busy machine inflates wall time far more than CPU time.
    """
    best_wall = best_cpu = None
    for _ in range(runs):
        gc.collect()
        c0 = cpu_seconds()
        t0 = time.perf_counter()
        fn()
        dt = time.perf_counter() - t0
        dc = cpu_seconds() - c0
        best_wall = dt if best_wall is None else min(best_wall, dt)
        best_cpu = dc if best_cpu is None else min(best_cpu, dc)
    return best_wall, best_cpu


def timeboxed(runs, budget, items, make_fn):
    """Best of `runs` on all items, or on a prefix when the whole would take more than `budget` s.

    A pilot on a ~0.25 MB prefix gives the rate; when runs x (whole corpus at that rate) exceeds the
    budget, the runs use the prefix that fits the budget, and MB/s is that prefix's (the rate does
    not depend on size for these per-sentence / per-piece tools). Returns ((wall, cpu), bytes, note).
    """
    total = nbytes(items)
    pilot, b = [], 0
    for s in items:
        if b >= 250_000:
            break
        pilot.append(s)
        b += len(s.encode("utf-8"))
    t0 = time.perf_counter()
    make_fn(pilot)()
    rate = b / max(time.perf_counter() - t0, 1e-9)
    estimate = total / rate
    if estimate * runs <= budget:
        return best_of(runs, make_fn(items)), total, ""
    want = rate * budget / runs
    prefix, b = [], 0
    for s in items:
        if b >= want:
            break
        prefix.append(s)
        b += len(s.encode("utf-8"))
    note = (f"on a {b / 1e6:.2f} MB prefix (the whole {total / 1e6:.1f} MB estimated at "
            f"{estimate:.0f} s a run, over the {budget:.0f} s budget for {runs} runs)")
    return best_of(runs, make_fn(prefix)), b, note


# ---------------------------------------------------------------------------------------------

def machine_info():
    model = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                k, _, v = line.partition(":")
                if k.strip() in ("model name", "Model", "Hardware", "cpu model"):
                    model = v.strip()
                    break
    except OSError:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem = f"{int(line.split()[1]) / 1e6:.0f} GB"
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "affinity": sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
            "cpu": model, "arch": platform.machine(), "memory": mem, "kernel": platform.release()}


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


def versions():
    out = {}
    for p in PACKAGES:
        try:
            out[p] = importlib.metadata.version(p)
        except importlib.metadata.PackageNotFoundError:
            out[p] = "not installed"
    return out


def open_null():
    """/dev/null, opened once and checked to be the device: accord's timed output goes to this
    descriptor, so a /dev/null replaced by a regular file later in the run does not matter."""
    fd = os.open(os.devnull, os.O_WRONLY)
    if not stat.S_ISCHR(os.fstat(fd).st_mode):
        sys.exit("peers.py: /dev/null is not a character device (something replaced it with a file); "
                 "restore it (as root: rm /dev/null && mknod -m 666 /dev/null c 1 3) and run again")
    return fd


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--accord", required=True, help="the release accord binary")
    ap.add_argument("--lexicons", required=True, help="accord's lexicons/ folder")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--feed", choices=["articles", "paragraphs"], default="articles")
    ap.add_argument("--chunk-bytes", type=int, default=2500, help="article-size piece for --feed articles")
    ap.add_argument("--budget", type=float, default=120.0, help="seconds for all runs of VADER, and of pySBD")
    ap.add_argument("--skip", default="", help="comma-separated: spacy,blingfire,flashtext,vader,pysbd,accord")
    ap.add_argument("--out", help="also write the results (Markdown) here")
    ap.add_argument("--note", default="", help="a line for the results header (e.g. busy machine)")
    ap.add_argument("--pinned", default="", help="how the process was pinned (set by run.sh)")
    ap.add_argument("--swift", default="", help="swift --version (set by run.sh)")
    ap.add_argument("--commit", default="", help="accord's git commit (set by run.sh)")
    a = ap.parse_args()
    skip = set(filter(None, a.skip.split(",")))
    runs = a.runs

    load_start = loadavg()
    started = datetime.datetime.now()
    with open(a.corpus, encoding="utf-8") as f:
        text = f.read()
    total = len(text.encode("utf-8"))
    chunks = feed_chunks(text, a.feed, a.chunk_bytes)
    paras = paragraphs_of(text)
    fed = nbytes(chunks)  # = total less the paragraph separators, when fed by paragraph
    log(f"corpus {a.corpus}: {total / 1e6:.2f} MB, {len(paras)} paragraphs; fed as {len(chunks)} "
        f"{'paragraphs' if a.feed == 'paragraphs' else f'article-size pieces (>= {a.chunk_bytes} bytes)'}"
        f", {fed / 1e6:.2f} MB; best of {runs}")

    results = []   # (key, tool, produces, (wall s, cpu s), bytes, note)
    counts = {}    # tool -> text

    def record(key, tool, produces, times, nb, note=""):
        results.append((key, tool, produces, times, nb, note))
        wall, cpu = times
        log(f"  {tool}: {nb / wall / 1e6:.2f} MB/s ({wall:.2f} s wall, {cpu:.2f} s CPU"
            f"{'; ' + note if note else ''})")

    # ---- accord, as a process ------------------------------------------------------------------
    if "accord" not in skip:
        log("== accord (process, wall clock; output to /dev/null)")
        null_fd = open_null()
        variants = [
            ("accord_all", "accord `annotate FILE --compact`",
             "all layers: tokens, sentences, actors, initiatives, actions, targets, quotes, events, stance; JSON", []),
            ("accord_notok", "accord `… --compact --no-tokens`", "the same JSON without the token layer", ["--no-tokens"]),
            ("accord_toksent", "accord `… --compact --layers tokens,sentences`",
             "tokens + sentences (with offsets), JSON", ["--layers", "tokens,sentences"]),
        ]
        out_sizes = {}
        for key, tool, produces, extra in variants:
            cmd = [a.accord, "annotate", a.corpus, "--compact"] + extra
            # Untimed first run: checks it works, warms the page cache, measures the output.
            p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=null_fd)
            size = 0
            while True:
                block = p.stdout.read(1 << 20)
                if not block:
                    break
                size += len(block)
            if p.wait() != 0:
                sys.exit(f"peers.py: {' '.join(cmd)} exited with {p.returncode}")
            out_sizes[key] = size

            def run_accord(cmd=cmd):
                subprocess.run(cmd, stdout=null_fd, stderr=null_fd, check=True)
            record(key, tool, produces + f" ({size / 1e6:.0f} MB)", best_of(runs, run_accord), total)
        # What accord found, for the counts line.
        with tempfile.TemporaryFile() as tmp:
            subprocess.run([a.accord, "annotate", a.corpus, "--compact", "--layers", "sentences,actors,initiatives,actions,targets"],
                           stdout=tmp, stderr=null_fd, check=True)
            tmp.seek(0)
            doc = json.load(tmp)
        counts["accord"] = ", ".join(f"{k} {len(doc.get(k) or [])}" for k in ("sentences", "actors", "initiatives", "actions", "targets"))
        del doc

    # ---- spaCy ---------------------------------------------------------------------------------
    base, terms = lexicon_terms(a.lexicons)
    by_label = collections.Counter(l for l, _, _ in terms)
    exact_n = sum(1 for _, _, e in terms if e)
    pattern_line = (f"{sum(base.values())} lexicon entries ({', '.join(f'{k} {v}' for k, v in base.items())}) -> "
                    f"{len(terms)} patterns ({', '.join(f'{k} {v}' for k, v in by_label.items())}); "
                    f"{exact_n} of them exact-case")
    log("patterns: " + pattern_line)

    if "spacy" not in skip:
        import spacy
        log(f"== spaCy {spacy.__version__} (blank English; fed {a.feed})")
        nlp_tok = spacy.blank("en")

        def tok_only():
            for c in chunks:
                nlp_tok.make_doc(c)
        record("spacy_tok", "spaCy tokenizer alone (`nlp.make_doc`)", "a Doc of tokens (offsets in memory), no output",
               best_of(runs, tok_only), fed)

        nlp_sent = spacy.blank("en")
        nlp_sent.add_pipe("sentencizer")

        def sent_json():
            for d in nlp_sent.pipe(chunks, batch_size=64):
                json.dumps(d.to_json(), ensure_ascii=False, separators=(",", ":"))
        record("spacy_sent_json", "spaCy blank + sentencizer + `Doc.to_json`",
               "tokens + sentences, JSON string (like `--layers tokens,sentences`)", best_of(runs, sent_json), fed)

        # Two EntityRulers, both of phrase patterns: case-folded terms on LOWER, and the case=exact
        # ones (US, AP, UN: never the pronoun) on ORTH. (Token patterns [{"ORTH": ...}] for the exact
        # ones would go through spaCy's Matcher, whose cost grows with the number of patterns: with
        # ~180 of them the pipeline drops to ~0.1 MB/s.) The second ruler adds only spans that do
        # not overlap the first's.
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        folded = nlp.add_pipe("entity_ruler", name="ruler_folded", config={"phrase_matcher_attr": "LOWER"})
        exact = nlp.add_pipe("entity_ruler", name="ruler_exact", config={"phrase_matcher_attr": "ORTH"})
        t0 = time.perf_counter()
        folded.add_patterns([{"label": label, "pattern": phrase} for label, phrase, e in terms if not e])
        exact.add_patterns([{"label": label, "pattern": phrase} for label, phrase, e in terms if e])
        log(f"  EntityRulers: {len(folded)} + {len(exact)} phrase patterns added in {time.perf_counter() - t0:.2f} s")

        # Untimed pass: what the rule pipeline finds (and a warm-up).
        ents, sents = collections.Counter(), 0
        for d in nlp.pipe(chunks, batch_size=64):
            ents.update(e.label_ for e in d.ents)
            sents += sum(1 for _ in d.sents)
        counts["spaCy rule pipeline"] = f"sentences {sents}, " + ", ".join(
            f"{k.lower()}s {ents[k]}" for k in ("ACTOR", "INITIATIVE", "ACTION", "TARGET"))

        def rules():
            for _ in nlp.pipe(chunks, batch_size=64):
                pass

        def rules_json():
            for d in nlp.pipe(chunks, batch_size=64):
                json.dumps(d.to_json(), ensure_ascii=False, separators=(",", ":"))
        record("spacy_rules", "spaCy blank + sentencizer + 2 EntityRulers (`nlp.pipe`)",
               "tokens, sentences, lexicon-term spans (longest, non-overlapping), in memory", best_of(runs, rules), fed)
        record("spacy_rules_json", "spaCy blank + sentencizer + 2 EntityRulers + `Doc.to_json` + `json.dumps`",
               "the same as a JSON string (tokens, sentences, entity spans)", best_of(runs, rules_json), fed)
        del nlp, nlp_sent, nlp_tok

    # ---- blingfire -----------------------------------------------------------------------------
    if "blingfire" not in skip:
        import blingfire
        log("== blingfire")

        def bf_words():
            for c in chunks:
                blingfire.text_to_words(c)

        def bf_sents():
            for c in chunks:
                blingfire.text_to_sentences(c)

        def bf_offsets():
            for c in chunks:
                blingfire.text_to_words_with_offsets(c)
                blingfire.text_to_sentences_and_offsets(c)
        record("bf_words", "blingfire `text_to_words`", "a string of space-separated tokens (no offsets)", best_of(runs, bf_words), fed)
        record("bf_sents", "blingfire `text_to_sentences`", "a string of newline-separated sentences (no offsets)", best_of(runs, bf_sents), fed)
        record("bf_offsets", "blingfire `text_to_words_with_offsets` + `text_to_sentences_and_offsets`",
               "tokens and sentences with offsets (Python lists)", best_of(runs, bf_offsets), fed)
        counts["blingfire"] = (f"tokens {sum(len(blingfire.text_to_words(c).split()) for c in chunks)}, "
                               f"sentences {sum(len(blingfire.text_to_sentences(c).splitlines()) for c in chunks)}")

    # ---- flashtext -----------------------------------------------------------------------------
    if "flashtext" not in skip:
        from flashtext import KeywordProcessor
        log("== flashtext")
        folded, exact = KeywordProcessor(case_sensitive=False), KeywordProcessor(case_sensitive=True)
        for label, phrase, is_exact in terms:
            (exact if is_exact else folded).add_keyword(phrase, label)

        def ft():
            for c in chunks:
                folded.extract_keywords(c, span_info=True)
                exact.extract_keywords(c, span_info=True)
        record("flashtext", "flashtext `extract_keywords(span_info=True)`",
               f"lexicon-term spans; two passes: {len(folded)} terms case-folded + {len(exact)} exact-case", best_of(runs, ft), fed)
        found = collections.Counter()
        for c in chunks:
            found.update(l for l, _, _ in folded.extract_keywords(c, span_info=True))
            found.update(l for l, _, _ in exact.extract_keywords(c, span_info=True))
        counts["flashtext"] = ", ".join(f"{k.lower()}s {found[k]}" for k in ("ACTOR", "INITIATIVE", "ACTION", "TARGET"))

    # ---- VADER ---------------------------------------------------------------------------------
    if "vader" not in skip:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        import blingfire
        log("== VADER (sentences from blingfire, split untimed)")
        sia = SentimentIntensityAnalyzer()
        sentences = [s for c in chunks for s in blingfire.text_to_sentences(c).splitlines() if s.strip()]

        def make_vader(items):
            def f():
                for s in items:
                    sia.polarity_scores(s)
            return f
        sec, nb, note = timeboxed(runs, a.budget, sentences, make_vader)
        record("vader", "VADER `polarity_scores` per sentence", "four polarity scores a sentence", sec, nb, note)

    # ---- pySBD ---------------------------------------------------------------------------------
    if "pysbd" not in skip:
        import pysbd
        log(f"== pySBD (fed {a.feed})")
        seg = pysbd.Segmenter(language="en", clean=False)

        def make_sbd(items):
            def f():
                for c in items:
                    seg.segment(c)
            return f
        sec, nb, note = timeboxed(runs, a.budget, chunks, make_sbd)
        record("pysbd", "pySBD `Segmenter.segment`", "a list of sentence strings (no offsets)", sec, nb, note)

    # ---- the table -----------------------------------------------------------------------------
    load_end = loadavg()
    mbps = {k: nb / t[0] / 1e6 for k, _, _, t, nb, _ in results}
    mbps_cpu = {k: nb / t[1] / 1e6 for k, _, _, t, nb, _ in results}
    compare = {  # peer -> the accord figure it is set against
        "spacy_tok": "accord_toksent", "spacy_sent_json": "accord_toksent",
        "spacy_rules": "accord_all", "spacy_rules_json": "accord_all",
        "bf_words": "accord_toksent", "bf_sents": "accord_toksent", "bf_offsets": "accord_toksent",
        "pysbd": "accord_toksent", "flashtext": "accord_notok", "vader": "accord_notok",
    }
    short = {"accord_all": "all layers", "accord_notok": "--no-tokens", "accord_toksent": "tokens,sentences"}
    rows = []
    for key, tool, produces, _, nb, note in results:
        ratio = ratio_cpu = "–"
        if key in compare and compare[key] in mbps:
            ratio = f"{mbps[compare[key]] / mbps[key]:.2f}× (vs {short[compare[key]]})"
            ratio_cpu = f"{mbps_cpu[compare[key]] / mbps_cpu[key]:.2f}×"
        rows.append([tool, produces + (f"; {note}" if note else ""), f"{mbps[key]:.2f}", ratio,
                     f"{mbps_cpu[key]:.2f}", ratio_cpu])
    head = ["tool", "what it produces", "MB/s", "accord ÷ peer", "MB/s (CPU time)", "÷ (CPU time)"]
    n = len(head)
    w = [max(len(r[i]) for r in [head] + rows) for i in range(n)]

    def line(r):
        return "| " + " | ".join(r[i].ljust(w[i]) if i < 2 else r[i].rjust(w[i]) for i in range(n)) + " |"
    table = [line(head), "|" + "|".join((":" + "-" * (w[i] + 1)) if i < 2 else ("-" * (w[i] + 1) + ":") for i in range(n)) + "|"]
    table += [line(r) for r in rows]

    m = machine_info()
    v = versions()
    hdr = [
        f"# Peer comparison, {started:%Y-%m-%d %H:%M}" + (f" — {a.note}" if a.note else ""),
        "",
        f"* machine: {m['arch']}, {m['cpu']}, nproc {m['nproc']}, {m['memory']}, Linux {m['kernel']}; "
        f"{a.pinned or 'not pinned'} (affinity {m['affinity']})",
        f"* load average (1/5/15 min): {load_start} at start, {load_end} at end",
        f"* accord {a.commit or '?'}, release build; {a.swift or 'swift ?'}",
        f"* Python {platform.python_version()}; " + ", ".join(f"{k} {x}" for k, x in v.items()),
        f"* corpus: `{os.path.basename(a.corpus)}` from `accord-bench --write-corpus`, {total / 1e6:.2f} MB, "
        f"{len(paras)} paragraphs; Python tools fed "
        + (f"one paragraph a call ({fed / 1e6:.2f} MB without the separators)" if a.feed == "paragraphs"
           else f"article-size pieces (paragraphs joined until >= {a.chunk_bytes} bytes: {len(chunks)} pieces); "
                "accord gets the whole file as one document")
        + f"; best of {runs} runs; MB/s = input bytes / s / 10^6, wall clock (the figure to quote) and CPU time "
          "(user + system of the Python process and the accord child: less disturbed by other load)",
        f"* lexicon patterns: {pattern_line}",
        "",
    ]
    foot = ["", "What each found on this corpus (a check that the term lists match, not a quality measure):", ""]
    foot += [f"* {k}: {x}" for k, x in counts.items()]
    md = "\n".join(hdr + table + foot) + "\n"
    print(md)
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(md)
        log(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
