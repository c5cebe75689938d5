#!/usr/bin/env python3
"""Unit tests for scripts/gold.py (the gold markup parser). Run: python3 scripts/test_gold.py"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gold  # noqa: E402


def run(source, name="t"):
    text, layers, events, ids, diag = gold.parse(source, "t.markup")
    doc = gold.build(name, text, layers, events, ids, diag)
    return text, doc, diag


class ParserTests(unittest.TestCase):
    def test_nesting_and_quote_speakers(self):
        src = ('"⟦Q speakers=#e cue=said|We will ⟦#v V combat fight|fight⟧ ⟦#t T drugs term="drug trafficking"|drug '
               'trafficking⟧,⟧" said ⟦#e A person:marcelo-ebrard person role="Foreign Affairs Secretary" '
               'aff=country:mex|Ebrard⟧.\n%%%\nE actor=#e action=#v targets=#t\n')
        text, doc, diag = run(src)
        self.assertEqual(diag.errors, [])
        self.assertEqual(text, '"We will fight drug trafficking," said Ebrard.')
        q = doc["quotes"][0]
        self.assertEqual(q["text"], "We will fight drug trafficking,")
        self.assertEqual((q["start"], q["end"]), (1, 32))
        self.assertEqual(q["speakers"], [0])
        self.assertEqual(q["entities"], ["person:marcelo-ebrard"])
        a = doc["actors"][0]
        self.assertEqual(a["role"], "Foreign Affairs Secretary")
        self.assertEqual(a["affiliation"], "country:mex")
        self.assertEqual(a["via"], "lexicon")
        self.assertEqual(doc["targets"][0]["term"], "drug trafficking")
        self.assertEqual(doc["events"], [{"actor": 0, "action": 0, "targets": [0], "objects": []}])

    def test_ids_remapped_after_sorting(self):
        # the id'd actor appears second in the text but first in the markup trailer
        src = ('⟦#a A country:usa country|US⟧ and ⟦#b A country:mex country|Mexico⟧ '
               '⟦#v V cooperate lemma="work together"|work together⟧.\n%%%\n'
               'E actor=#b action=#v\nE actor=#a action=#v\n')
        text, doc, diag = run(src)
        self.assertEqual(diag.errors, [])
        self.assertEqual([e["actor"] for e in doc["events"]], [0, 1])
        self.assertEqual(doc["actions"][0]["lemma"], "work together")

    def test_unknown_and_duplicate_ids(self):
        src = '⟦#a A country:usa country|US⟧ ⟦#a A country:mex country|Mexico⟧\n%%%\nE actor=#zz action=#a\n'
        _, _, diag = run(src)
        joined = "\n".join(diag.errors)
        self.assertIn("duplicate id #a", joined)
        self.assertIn("unknown id #zz", joined)

    def test_unbalanced(self):
        _, _, diag = run("⟦A country:usa country|US and more\n")
        self.assertTrue(any("never closed" in e for e in diag.errors))
        _, _, diag = run("US⟧ and more\n")
        self.assertTrue(any("no open mark" in e and ":1:3:" in e for e in diag.errors))

    def test_validation_errors(self):
        cases = {
            "⟦X foo|US⟧": "unknown layer letter",
            "⟦A country:usa|US⟧": "missing its type",
            "⟦A country:usa nation|US⟧": "actor type",
            "⟦A person:usa country|US⟧": "does not match type",
            "⟦A country:USA country|US⟧": "bad entity",
            "⟦A country:usa country| US⟧": "whitespace",
            "⟦V combat fight mod=maybe|fight⟧": "modality",
        }
        for src, expected in cases.items():
            _, _, diag = run(src + "\n")
            self.assertTrue(any(expected in e for e in diag.errors), (src, diag.errors))
        _, _, diag = run("⟦T violence violence|violence⟧ ⟦V hope hope|hope⟧\n")
        self.assertEqual(diag.errors, [])
        self.assertEqual(len(diag.warnings), 2)

    def test_offsets_with_accents_and_emoji(self):
        src = ('Mérida 🇲🇽 👍🏽 ⟦#r A person:rosa-icela-rodriguez person|Rosa Icela Rodríguez⟧ '
               'said ⟦T drugs fentanyl|fentanyl⟧.\n%%%\n')
        text, doc, diag = run(src)
        self.assertEqual(diag.errors, [])
        a, t = doc["actors"][0], doc["targets"][0]
        self.assertEqual(text[a["start"]:a["end"]], "Rosa Icela Rodríguez")
        # code points: 'Mérida ' 7, flag 2 + space, thumbs+tone 2 + space
        self.assertEqual(a["start"], 13)
        self.assertEqual(a["end"], 13 + len("Rosa Icela Rodríguez"))
        self.assertEqual(text[t["start"]:t["end"]], "fentanyl")
        self.assertEqual(doc["document"]["length"], len(text))

    def test_error_position_counts_code_points(self):
        _, _, diag = run("Añ 🇲🇽\n⟦Z x|y⟧\n")
        self.assertTrue(any(":2:2:" in e for e in diag.errors), diag.errors)
        _, _, diag = run("é 🇲🇽 ⟦Z x|y⟧\n")
        self.assertTrue(any(":1:7:" in e for e in diag.errors), diag.errors)

    def test_trailer_and_final_newline(self):
        text, _, _ = run("Line one.\n%%%\n")
        self.assertEqual(text, "Line one.")
        text, _, _ = run("Line one.\n\n%%%\n")
        self.assertEqual(text, "Line one.\n")
        text, _, _ = run("Line one.\r\n%%%\r\n")
        self.assertEqual(text, "Line one.")
        text, _, _ = run("No trailer.\n")
        self.assertEqual(text, "No trailer.")

    def test_stance_and_flags(self):
        src = ('⟦S oppose toward=initiative:merida-initiative holder=other:critics|failed⟧ '
               '⟦V combat combat neg mod=obligation|combat⟧\n')
        _, doc, diag = run(src)
        self.assertEqual(diag.errors, [])
        self.assertEqual(doc["stance"][0]["holder"], "other:critics")
        self.assertEqual(doc["stance"][0]["text"], "failed")
        v = doc["actions"][0]
        self.assertTrue(v["negated"])
        self.assertEqual(v["modality"], "obligation")


class ConvertTests(unittest.TestCase):
    def setUp(self):
        import tempfile
        self.tmp = tempfile.TemporaryDirectory()
        root = self.tmp.name
        os.makedirs(os.path.join(root, "corpus", "gold"))
        self.saved = (gold.ROOT, gold.CORPUS, gold.GOLD, gold.PROTECTED)
        gold.ROOT, gold.CORPUS, gold.GOLD = root, os.path.join(root, "corpus"), os.path.join(root, "corpus", "gold")
        gold.PROTECTED = {"seed"}

    def tearDown(self):
        gold.ROOT, gold.CORPUS, gold.GOLD, gold.PROTECTED = self.saved
        self.tmp.cleanup()

    def write(self, rel, data):
        path = os.path.join(gold.ROOT, rel)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(data)
        return path

    def test_writes_text_and_json(self):
        import json
        path = self.write("corpus/gold/a.markup", "⟦A country:mex country|México⟧ ☕\n%%%\n")
        ok, messages, counts = gold.convert(path)
        self.assertTrue(ok, messages)
        with open(os.path.join(gold.CORPUS, "a.txt"), encoding="utf-8") as f:
            self.assertEqual(f.read(), "México ☕")
        with open(os.path.join(gold.GOLD, "a.json"), encoding="utf-8") as f:
            doc = json.load(f)
        self.assertEqual(doc["document"]["length"], 8)
        self.assertEqual(doc["document"]["path"], "corpus/a.txt")
        self.assertEqual(doc["actors"][0]["text"], "México")

    def test_protected_text_is_verified_not_written(self):
        self.write("corpus/seed.txt", "Mexico and the US")
        good = self.write("corpus/gold/seed.markup", "⟦A country:mex country|Mexico⟧ and the US\n%%%\n")
        ok, messages, _ = gold.convert(good)
        self.assertTrue(ok, messages)
        self.write("corpus/gold/seed.markup", "⟦A country:mex country|Mexico⟧ and the US\n\n%%%\n")
        ok, messages, _ = gold.convert(good)
        self.assertFalse(ok)
        self.assertTrue(any("protected" in m for m in messages), messages)
        with open(os.path.join(gold.CORPUS, "seed.txt"), encoding="utf-8") as f:
            self.assertEqual(f.read(), "Mexico and the US")

    def test_check_writes_nothing(self):
        path = self.write("corpus/gold/b.markup", "Text.\n%%%\n")
        ok, _, _ = gold.convert(path, check=True)
        self.assertTrue(ok)
        self.assertFalse(os.path.exists(os.path.join(gold.CORPUS, "b.txt")))
        self.assertFalse(os.path.exists(os.path.join(gold.GOLD, "b.json")))


if __name__ == "__main__":
    unittest.main()
