#!/usr/bin/env python3
"""Convert gold markup (corpus/gold/NAME.markup) to article text and gold JSON.

Usage:
    python3 scripts/gold.py            convert every corpus/gold/*.markup
    python3 scripts/gold.py --check    validate only, write nothing
    python3 scripts/gold.py FILE...    convert (or, with --check, validate) only these markup files

Paths are relative to the repository root, found from this script's location
(scripts/.. is the root). Standard library only. Tooling for the dev set, not part of accord.

Markup (see corpus/gold/README.md)
----------------------------------
A mark is ``⟦LABEL|span text⟧``; marks nest. LABEL is space-separated fields: an optional id
``#name``, the layer letter, positional fields, then ``key=value`` options (``key="a b"``) or bare
flags (``neg``). Layers:

    A entity type              role= aff= via=            actors
    I entity                   via=                       initiatives
    V class lemma              lemma= neg mod=            actions (lemma positional or lemma=)
    T category term            term=                      targets (term positional or term=)
    Q                          speakers=#id,#id cue=      quotes
    S label                    toward= holder=            stance (span = the cue words)

Article and trailer
-------------------
The article is everything before the first line that is exactly ``%%%``, minus exactly ONE
line break (``\\n`` or ``\\r\\n``) that precedes that line. So an article that ends without a
newline is written ``...last words⟧\\n%%%``, and one that ends with a newline is written
``...last words\\n\\n%%%``. Without a ``%%%`` line the whole file is the article, minus exactly
one trailing line break if there is one. Lines after ``%%%`` are the trailer: blank lines and
``#`` comments are ignored, ``E actor=#id action=#id targets=#id,#id objects=#id`` is an event.

Outputs
-------
* ``corpus/NAME.txt``: the stripped article text (UTF-8). It is written only when it does not
  exist or differs. Protected files (the seed ``bicentennial-ap.txt``, not generated from markup)
  are never written: the stripped text must equal them byte for byte, otherwise it is an error.
* ``corpus/gold/NAME.json``: ``{"schema", "document", "text", "actors", "initiatives", "actions",
  "targets", "quotes", "events", "stance"}``; spans carry code-point offsets into the text
  (half-open), arrays are sorted by start then end (ties keep markup order), events by action
  index then actor index; ids are remapped to indices into the sorted arrays.

Errors name file:line:column of the markup and make the exit status 1; warnings (unknown target
category or action class) are printed but do not fail.
"""

import hashlib
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "corpus")
GOLD = os.path.join(CORPUS, "gold")

# Texts that exist independently of their markup: verify, never write.
PROTECTED = {"bicentennial-ap"}

OPEN, CLOSE, BAR = "\u27e6", "\u27e7", "|"

ACTOR_TYPES = {"country": "country:", "person": "person:", "organization": "org:", "group": "group:"}
TARGET_CATEGORIES = {"guns", "drugs", "youth", "corruption"}
ACTION_CLASSES = {"say", "criticize", "commit", "combat", "prevent", "enforce", "assist", "develop", "cooperate"}
MODALITIES = {"none", "future", "intent", "obligation", "possibility"}
STANCE_LABELS = {"support", "oppose"}
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_RE = re.compile(r"^#[A-Za-z0-9_][A-Za-z0-9_.-]*$")
KEY_RE = re.compile(r"^[a-z]+$")

LAYERS = {
    # letter: (name, positional names, required positional count, allowed options, flags)
    "A": ("actors", ["entity", "type"], 2, {"role", "aff", "via"}, set()),
    "I": ("initiatives", ["entity"], 1, {"via"}, set()),
    "V": ("actions", ["class", "lemma"], 1, {"lemma", "mod"}, {"neg"}),
    "T": ("targets", ["category", "term"], 1, {"term"}, set()),
    "Q": ("quotes", [], 0, {"speakers", "cue"}, set()),
    "S": ("stance", ["label"], 1, {"toward", "holder"}, set()),
}


class Diagnostics:
    def __init__(self, path):
        self.path = path
        self.errors = []
        self.warnings = []

    def error(self, line, col, msg):
        self.errors.append("%s:%d:%d: error: %s" % (self.path, line, col, msg))

    def warn(self, line, col, msg):
        self.warnings.append("%s:%d:%d: warning: %s" % (self.path, line, col, msg))


def split_label(label):
    """Split a label into fields on spaces; a double-quoted part may hold spaces.

    Returns a list of (field, offset_in_label) or raises ValueError(offset, message).
    """
    fields = []
    i, n = 0, len(label)
    while i < n:
        if label[i] in " \t":
            i += 1
            continue
        start = i
        buf = []
        while i < n and label[i] not in " \t":
            if label[i] == '"':
                j = label.find('"', i + 1)
                if j < 0:
                    raise ValueError(i, "unterminated quoted value in label")
                buf.append(label[i + 1:j])
                i = j + 1
            else:
                buf.append(label[i])
                i += 1
        fields.append(("".join(buf), start))
    return fields


def entity_ok(entity, prefixes):
    """True when entity is PREFIX:slug with one of the prefixes and a clean slug."""
    if ":" not in entity:
        return False
    prefix, slug = entity.split(":", 1)
    return prefix + ":" in prefixes and bool(SLUG_RE.match(slug))


def split_article(source):
    """Return (article, trailer_lines, trailer_first_line_number)."""
    lines = source.splitlines(keepends=True)
    pos = 0
    for number, line in enumerate(lines, 1):
        if line.rstrip("\r\n") == "%%%":
            article = source[:pos]
            trailer = lines[number:]
            return strip_one_newline(article), trailer, number + 1
        pos += len(line)
    return strip_one_newline(source), [], len(lines) + 1


def strip_one_newline(s):
    if s.endswith("\r\n"):
        return s[:-2]
    if s.endswith("\n"):
        return s[:-1]
    return s


def parse(source, path="<markup>"):
    """Parse markup text. Returns (text, doc_layers, diagnostics).

    doc_layers maps layer name to a list of dict records in markup order, each with private keys
    `_id`, `_pos` (line, col) and `_opts`; events is a list of raw dicts from the trailer.
    """
    diag = Diagnostics(path)
    if source.startswith("\ufeff"):
        diag.warn(1, 1, "byte order mark removed")
        source = source[1:]
    article, trailer, trailer_line = split_article(source)

    out = []          # stripped characters
    length = 0        # code points written so far
    stack = []        # open marks: dict(label, line, col, start, record)
    marks = []        # closed marks in order of opening
    line, col = 1, 1
    i, n = 0, len(article)
    while i < n:
        ch = article[i]
        if ch == OPEN:
            bar = article.find(BAR, i + 1)
            stop = min([k for k in (article.find(OPEN, i + 1), article.find(CLOSE, i + 1),
                                    article.find("\n", i + 1)) if k >= 0] or [n])
            if bar < 0 or bar > stop:
                diag.error(line, col, "mark without '|' after its label")
                # treat as a mark with an empty label so balance checking goes on
                label, skip = "", 1
            else:
                label, skip = article[i + 1:bar], bar - i + 1
            rec = {"label": label, "line": line, "col": col, "start": length, "order": len(marks)}
            stack.append(rec)
            marks.append(rec)
            col += skip
            i += skip
            continue
        if ch == CLOSE:
            if not stack:
                diag.error(line, col, "unbalanced '\u27e7' (no open mark)")
            else:
                rec = stack.pop()
                rec["end"] = length
            i += 1
            col += 1
            continue
        out.append(ch)
        length += 1
        i += 1
        if ch == "\n":
            line += 1
            col = 1
        else:
            col += 1
    for rec in stack:
        diag.error(rec["line"], rec["col"], "unbalanced '\u27e6' (mark never closed)")
        rec["end"] = length
    text = "".join(out)

    layers = {name: [] for name, *_ in LAYERS.values()}
    ids = {}
    for rec in marks:
        record = interpret_mark(rec, text, diag, ids)
        if record is not None:
            layers[record["_layer"]].append(record)

    events = []
    for offset, raw in enumerate(trailer):
        number = trailer_line + offset
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        fields = stripped.split()
        if fields[0] != "E":
            diag.error(number, 1, "unknown trailer line (expected 'E actor=#id action=#id ...')")
            continue
        ev = {"_pos": (number, 1), "actor": None, "action": None, "targets": [], "objects": []}
        column = len(raw) - len(raw.lstrip()) + 1
        for field in fields[1:]:
            fcol = raw.find(field) + 1 if field in raw else column
            if "=" not in field:
                diag.error(number, fcol, "event field %r is not key=value" % field)
                continue
            key, value = field.split("=", 1)
            if key not in ("actor", "action", "targets", "objects"):
                diag.error(number, fcol, "unknown event field %r" % key)
                continue
            refs = [v for v in value.split(",") if v] if value else []
            if key in ("actor", "action") and len(refs) != 1:
                diag.error(number, fcol, "event %s= needs exactly one #id" % key)
                continue
            ev[key] = refs[0] if key in ("actor", "action") else refs
            ev["_cols_" + key] = fcol
        for key in ("actor", "action"):
            if ev[key] is None:
                diag.error(number, 1, "event without %s=#id" % key)
        events.append(ev)
    return text, layers, events, ids, diag


def interpret_mark(rec, text, diag, ids):
    line, col = rec["line"], rec["col"]
    span = text[rec["start"]:rec["end"]]
    try:
        fields = split_label(rec["label"])
    except ValueError as exc:
        off, msg = exc.args
        diag.error(line, col + 1 + off, msg)
        return None
    if not fields:
        diag.error(line, col, "empty label")
        return None
    mark_id = None
    if fields[0][0].startswith("#"):
        mark_id = fields[0][0]
        if not ID_RE.match(mark_id):
            diag.error(line, col + 1 + fields[0][1], "bad id %r" % mark_id)
        fields = fields[1:]
    if not fields:
        diag.error(line, col, "label without a layer letter")
        return None
    letter, loff = fields[0]
    if letter not in LAYERS:
        diag.error(line, col + 1 + loff, "unknown layer letter %r (expected one of %s)" % (letter, ", ".join(LAYERS)))
        return None
    layer, posnames, required, optnames, flagnames = LAYERS[letter]
    positional, opts, flags = [], {}, set()
    for value, off in fields[1:]:
        fcol = col + 1 + off
        raw_field = rec["label"][off:]
        m = re.match(r"^([a-z]+)=", raw_field)
        if m:
            key = m.group(1)
            val = value.split("=", 1)[1]
            if key not in optnames:
                diag.error(line, fcol, "unknown option %r for layer %s" % (key, letter))
            elif key in opts:
                diag.error(line, fcol, "option %r given twice" % key)
            else:
                opts[key] = val
        elif value in flagnames:
            flags.add(value)
        elif positional is not None and len(positional) < len(posnames) and not opts and not flags:
            positional.append(value)
        else:
            diag.error(line, fcol, "unexpected field %r for layer %s" % (value, letter))
    # positional lemma/term may also come as an option
    if letter == "V" and "lemma" in opts:
        if len(positional) >= 2:
            diag.error(line, col, "lemma given both positionally and as lemma=")
        positional = positional[:1] + [opts.pop("lemma")] if positional else positional
    if letter == "T" and "term" in opts:
        if len(positional) >= 2:
            diag.error(line, col, "term given both positionally and as term=")
        positional = positional[:1] + [opts.pop("term")] if positional else positional
    need = len(posnames) if letter in ("A", "V", "T") else required
    if len(positional) < need:
        missing = posnames[len(positional)]
        diag.error(line, col, "%s mark is missing its %s field" % (letter, missing))
        return None

    if rec["end"] <= rec["start"]:
        diag.error(line, col, "empty span")
        return None
    if span != span.strip():
        diag.error(line, col, "span %r starts or ends with whitespace" % span)

    record = {"_layer": layer, "_id": mark_id, "_pos": (line, col), "_order": rec["order"],
              "start": rec["start"], "end": rec["end"], "text": span}
    if letter == "A":
        entity, typ = positional
        if typ not in ACTOR_TYPES:
            diag.error(line, col, "actor type %r not in %s" % (typ, sorted(ACTOR_TYPES)))
        elif not entity.startswith(ACTOR_TYPES[typ]):
            diag.error(line, col, "entity %r does not match type %r (expected prefix %r)" % (entity, typ, ACTOR_TYPES[typ]))
        if not entity_ok(entity, set(ACTOR_TYPES.values())):
            diag.error(line, col, "bad entity %r (PREFIX:slug, slug lowercase ASCII [a-z0-9-])" % entity)
        record.update(entity=entity, type=typ)
        if "role" in opts:
            record["role"] = opts["role"]
        if "aff" in opts:
            if not entity_ok(opts["aff"], set(ACTOR_TYPES.values())):
                diag.error(line, col, "bad affiliation entity %r" % opts["aff"])
            record["affiliation"] = opts["aff"]
        record["via"] = opts.get("via", "lexicon")
    elif letter == "I":
        entity = positional[0]
        if not entity_ok(entity, {"initiative:"}):
            diag.error(line, col, "bad initiative entity %r (initiative:slug)" % entity)
        record.update(entity=entity, via=opts.get("via", "lexicon"))
    elif letter == "V":
        cls, lemma = positional
        if cls not in ACTION_CLASSES:
            diag.warn(line, col, "action class %r not in the SPEC list" % cls)
        mod = opts.get("mod", "none")
        if mod not in MODALITIES:
            diag.error(line, col, "modality %r not in %s" % (mod, sorted(MODALITIES)))
        record.update(lemma=lemma, **{"class": cls}, negated="neg" in flags, modality=mod)
    elif letter == "T":
        cat, term = positional
        if cat not in TARGET_CATEGORIES:
            diag.warn(line, col, "target category %r not one of the four" % cat)
        record.update(category=cat, term=term)
    elif letter == "Q":
        speakers = [s for s in opts.get("speakers", "").split(",") if s]
        if not speakers:
            diag.warn(line, col, "quote without speakers=")
        record.update(_speakers=speakers, cue=opts.get("cue"))
    elif letter == "S":
        label = positional[0]
        if label not in STANCE_LABELS:
            diag.error(line, col, "stance label %r not in %s" % (label, sorted(STANCE_LABELS)))
        toward, holder = opts.get("toward"), opts.get("holder")
        if toward is None:
            diag.error(line, col, "stance mark without toward=")
        elif not entity_ok(toward, {"initiative:"}):
            diag.error(line, col, "stance toward=%r is not an initiative entity" % toward)
        if holder is None:
            diag.error(line, col, "stance mark without holder=")
        elif holder != "document" and not entity_ok(holder, set(ACTOR_TYPES.values()) | {"other:"}):
            diag.error(line, col, "bad stance holder %r" % holder)
        record.update(holder=holder, toward=toward, label=label)
    if mark_id is not None:
        if mark_id in ids:
            pl, pc = ids[mark_id]["_pos"]
            diag.error(line, col, "duplicate id %s (first at line %d, column %d)" % (mark_id, pl, pc))
        else:
            ids[mark_id] = record
    return record


def public(record):
    return {k: v for k, v in record.items() if not k.startswith("_")}


def build(name, text, layers, events, ids, diag):
    """Sort layers, resolve ids, return the gold document (dict)."""
    index = {}
    sorted_layers = {}
    for layer, records in layers.items():
        ordered = sorted(records, key=lambda r: (r["start"], r["end"], r["_order"]))
        for k, r in enumerate(ordered):
            index[id(r)] = k
        sorted_layers[layer] = ordered

    def resolve(ref, layer, pos, what):
        r = ids.get(ref)
        if r is None:
            diag.error(pos[0], pos[1], "unknown id %s in %s" % (ref, what))
            return None
        if r["_layer"] != layer:
            diag.error(pos[0], pos[1], "id %s in %s is a %s mark, expected %s" % (ref, what, r["_layer"], layer))
            return None
        return index[id(r)]

    quotes = []
    for q in sorted_layers["quotes"]:
        speakers = [resolve(s, "actors", q["_pos"], "speakers=") for s in q["_speakers"]]
        speakers = [s for s in speakers if s is not None]
        out = {k: q[k] for k in ("start", "end", "text")}
        out["speakers"] = speakers
        out["entities"] = [sorted_layers["actors"][s]["entity"] for s in speakers]
        out["cue"] = q["cue"]
        quotes.append(out)

    gold_events = []
    seen = set()
    for ev in events:
        pos = ev["_pos"]
        if ev["actor"] is None or ev["action"] is None:
            continue
        actor = resolve(ev["actor"], "actors", (pos[0], ev.get("_cols_actor", 1)), "event actor=")
        action = resolve(ev["action"], "actions", (pos[0], ev.get("_cols_action", 1)), "event action=")
        targets = [resolve(t, "targets", (pos[0], ev.get("_cols_targets", 1)), "event targets=") for t in ev["targets"]]
        objects = [resolve(o, "actors", (pos[0], ev.get("_cols_objects", 1)), "event objects=") for o in ev["objects"]]
        if actor is None or action is None or None in targets or None in objects:
            continue
        if sorted_layers["actions"][action]["class"] in ("say", "criticize"):
            diag.warn(pos[0], 1, "event on a %s action (SPEC: events exclude say and criticize)"
                      % sorted_layers["actions"][action]["class"])
        key = (actor, action)
        if key in seen:
            diag.error(pos[0], 1, "duplicate event for actor %s and action %s" % (ev["actor"], ev["action"]))
            continue
        seen.add(key)
        gold_events.append({"actor": actor, "action": action,
                            "targets": sorted(set(targets)), "objects": sorted(set(objects))})
    gold_events.sort(key=lambda e: (e["action"], e["actor"]))

    stance = []
    for s in sorted_layers["stance"]:
        stance.append({"holder": s["holder"], "toward": s["toward"], "label": s["label"],
                       "start": s["start"], "end": s["end"], "text": s["text"]})

    data = text.encode("utf-8")
    return {
        "schema": "accord.annotation/1",
        "document": {"id": name, "path": "corpus/%s.txt" % name,
                     "sha256": hashlib.sha256(data).hexdigest(), "length": len(text)},
        "text": text,
        "actors": [public(r) for r in sorted_layers["actors"]],
        "initiatives": [public(r) for r in sorted_layers["initiatives"]],
        "actions": [public(r) for r in sorted_layers["actions"]],
        "targets": [public(r) for r in sorted_layers["targets"]],
        "quotes": quotes,
        "events": gold_events,
        "stance": stance,
    }


def convert(path, check=False):
    """Convert one markup file. Returns (ok, messages, counts)."""
    rel = os.path.relpath(path, ROOT)
    name = os.path.basename(path)[:-len(".markup")]
    try:
        with open(path, "rb") as f:
            raw = f.read()
        source = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return False, ["%s:1:1: error: cannot read (or not UTF-8): %s" % (rel, exc)], None
    text, layers, events, ids, diag = parse(source, rel)
    doc = build(name, text, layers, events, ids, diag)
    data = text.encode("utf-8")
    txt_path = os.path.join(CORPUS, name + ".txt")
    txt_rel = os.path.relpath(txt_path, ROOT)
    existing = None
    if os.path.exists(txt_path):
        with open(txt_path, "rb") as f:
            existing = f.read()
    if name in PROTECTED:
        if existing is None:
            diag.error(1, 1, "%s (protected, not generated) does not exist" % txt_rel)
        elif existing != data:
            where = next((k for k in range(min(len(existing), len(data))) if existing[k] != data[k]),
                         min(len(existing), len(data)))
            diag.error(1, 1, "stripped text differs from %s (protected, never written) at byte %d: "
                             "markup has %r, file has %r"
                       % (txt_rel, where, data[max(0, where - 20):where + 20], existing[max(0, where - 20):where + 20]))
    messages = diag.errors + diag.warnings
    counts = {k: len(doc[k]) for k in ("actors", "initiatives", "actions", "targets", "quotes", "events", "stance")}
    if diag.errors:
        return False, messages, counts
    if not check:
        if name not in PROTECTED and existing != data:
            write_atomic(txt_path, data)
            messages.append("wrote %s" % txt_rel)
        js = (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        json_path = os.path.join(GOLD, name + ".json")
        old = None
        if os.path.exists(json_path):
            with open(json_path, "rb") as f:
                old = f.read()
        if old != js:
            write_atomic(json_path, js)
            messages.append("wrote %s" % os.path.relpath(json_path, ROOT))
    return True, messages, counts


def write_atomic(path, data):
    tmp = path + ".tmp%d" % os.getpid()
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def main(argv):
    check = "--check" in argv
    quiet = "--quiet" in argv
    files = [a for a in argv if not a.startswith("--")]
    unknown = [a for a in argv if a.startswith("--") and a not in ("--check", "--quiet")]
    if unknown or "-h" in files:
        print(__doc__)
        return 2
    if not files:
        files = sorted(os.path.join(GOLD, f) for f in os.listdir(GOLD) if f.endswith(".markup"))
    ok_all = True
    for path in files:
        ok, messages, counts = convert(os.path.abspath(path), check)
        ok_all &= ok
        for m in messages:
            print(m, file=sys.stderr if ("error" in m or "warning" in m) else sys.stdout)
        if counts is not None and not quiet:
            print("%s %s: %s" % ("ok  " if ok else "FAIL", os.path.relpath(path, ROOT),
                                 " ".join("%s=%d" % kv for kv in counts.items())))
    return 0 if ok_all else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
