"""``python -m ontology.check [DIR]``: validate the ontology files and print counts per cluster."""

from __future__ import annotations

import sys

from ontology.errors import OntologyError
from ontology.loader import load_ontology


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        onto = load_ontology(argv[0] if argv else None)
    except OntologyError as e:
        print(f"ontology error: {e}", file=sys.stderr)
        return 1
    for cid, c in onto.clusters.items():
        segs = onto.segments_of(cid)
        ids = {s.id for s in segs}
        techs = [t for t in onto.technologies.values() if ids & set(t.segments)]
        print(f"{cid:14} {c.name:6} segments={len(segs):3} feeds={len(onto.feeds_of(cid)):3} "
              f"technologies={len(techs):3}")
    print(f"counties={len(onto.counties)} platforms={len(onto.platforms)} targets={len(onto.targets)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
