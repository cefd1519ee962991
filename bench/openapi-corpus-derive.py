#!/usr/bin/env python3
# bench/openapi-corpus-derive.py: documents derived from the corpus for
# bench/run-openapi-corpus.sh.
#
#   openapi-corpus-derive.py OUT JOBS YAML TRUNCATED
#
# Reads OUT/originals (one path a line) and appends to OUT/list the paths of
# what it writes: with YAML=1, OUT/yaml/N/STEM.yaml, the JSON document N
# written as YAML (block style, multi-line strings as `|` blocks where YAML
# allows, document order kept); with TRUNCATED=1, OUT/truncated/N/NAME, the
# document (and its YAML copy) cut at half its length. Derived documents keep
# the original's base name, which the importer uses when there is no title.
import json
import multiprocessing
import os
import sys

import yaml

out, jobs = sys.argv[1], int(sys.argv[2])
want_yaml, want_truncated = sys.argv[3] == "1", sys.argv[4] == "1"


class Dumper(yaml.CSafeDumper):
    pass


def represent_str(dumper, data):
    return dumper.represent_scalar("tag:yaml.org,2002:str", data,
                                   style="|" if "\n" in data else None)


Dumper.add_representer(str, represent_str)


def derive(item):
    n, path = item
    stem = os.path.splitext(os.path.basename(path))[0]
    made = []
    with open(path, "rb") as f:
        data = f.read()
    if want_truncated:
        target = os.path.join(out, "truncated", str(n), os.path.basename(path))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as f:
            f.write(data[: len(data) // 2])
        made.append(target)
    if want_yaml and path.endswith(".json"):
        target = os.path.join(out, "yaml", str(n), stem + ".yaml")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        text = yaml.dump(json.loads(data), Dumper=Dumper, sort_keys=False,
                         allow_unicode=True).encode()
        with open(target, "wb") as f:
            f.write(text)
        made.append(target)
        if want_truncated:
            cut = os.path.join(out, "truncated", str(n), stem + ".yaml")
            with open(cut, "wb") as f:
                f.write(text[: len(text) // 2])
            made.append(cut)
    return made


def main():
    with open(os.path.join(out, "originals")) as f:
        originals = f.read().split("\n")[:-1]
    with multiprocessing.Pool(jobs) as pool:
        made = [p for ps in pool.imap(derive, enumerate(originals, 1), chunksize=4) for p in ps]
    with open(os.path.join(out, "list"), "a") as f:
        f.write("".join(p + "\n" for p in made))


if __name__ == "__main__":
    main()
