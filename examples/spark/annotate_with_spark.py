#!/usr/bin/env python3
"""Annotate a folder of articles with accord inside Spark (local mode), through RDD.pipe.

    python annotate_with_spark.py ACCORD CORPUS_DIR OUT.jsonl

Each article becomes one JSONL record {"id": ..., "text": ...}; Spark pipes every partition
through `accord annotate --input jsonl`, which answers each record with one line, in order: the
annotation, or {"id": ..., "error": ..., "line": N} for a bad record (accord's exit status stays
0 then, so Spark does not fail the task). On a cluster, ship the binary with
`spark-submit --files /path/to/accord` and pipe through "./accord annotate --input jsonl".
"""
import glob
import json
import os
import sys

from pyspark.sql import SparkSession


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    accord, corpus, out_path = sys.argv[1:]

    records = []
    for path in sorted(glob.glob(os.path.join(corpus, "*.txt"))):
        with open(path, encoding="utf-8", errors="replace") as f:
            records.append({"id": os.path.splitext(os.path.basename(path))[0], "text": f.read()})
    if not records:
        print(f"no *.txt files in {corpus}", file=sys.stderr)
        return 2
    # A record without text: accord answers it with an error line and goes on with the stream.
    records.insert(len(records) // 2, {"id": "broken-record", "body": "no text field"})

    spark = (SparkSession.builder.master("local[2]").appName("accord-pipe")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    try:
        lines = spark.sparkContext.parallelize([json.dumps(r) for r in records], numSlices=3)
        # One accord process per partition; its lines come back in the order they went in.
        piped = lines.pipe(f"{accord} annotate --input jsonl --no-tokens", env={"NO_COLOR": "1"})
        results = piped.map(json.loads).collect()
    finally:
        spark.stop()

    # collect() keeps the partitions in order, so outputs pair with inputs by position and by id.
    assert len(results) == len(records), f"{len(records)} records in, {len(results)} lines out"
    errors = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for record, result in zip(records, results):
            if "error" in result:
                errors += 1
                assert result["id"] == record["id"], (record["id"], result)
                print(f"{record['id']:<28} error: {result['error']}")
            else:
                assert result["document"]["id"] == record["id"], (record["id"], result["document"])
                assert result["text"] == record["text"].lstrip("\ufeff")
                targets = ", ".join(f"{k} {v}" for k, v in sorted(result["summary"]["targets"].items()))
                print(f"{record['id']:<28} {len(result['actors']):3d} actors  targets: {targets}")
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
    print(f"OK: {len(records)} records piped through accord in Spark, {errors} error record(s), written to {out_path}")
    return 0 if errors == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
