"""Load the ontology data files and enforce the ontology rules.

Rules (each violation is an :class:`~ontology.errors.OntologyError` naming the file and entry):
unique ids; parents and FEEDS endpoints are known segments of the same cluster; a child segment
has its parent's stage (上游/中游/下游, see ontology/FORMAT.md); no FEEDS cycle inside a cluster
unless its edges are declared in ``declared_cycles``; every technology linked to at least one known
segment; every fact carries a source.

>>> onto = load_ontology()
>>> sorted(onto.clusters)[:2]
['aerospace', 'auto']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from ontology.errors import NotFoundError, OntologyError
from ontology.models import Cluster, County, Feeds, Platform, PolicyTarget, Segment, Technology

__all__ = ["Ontology", "load_ontology", "ONTOLOGY_DIR", "CLUSTER_ORDER"]

ONTOLOGY_DIR = Path(__file__).resolve().parent
CLUSTER_ORDER = ("auto", "pharma", "pump-motor", "mould-plastic", "sewing", "smart-toilet", "aerospace")


@dataclass
class Ontology:
    """The validated reference chains, technologies and policy facts."""

    clusters: dict[str, Cluster] = field(default_factory=dict)
    segments: dict[str, Segment] = field(default_factory=dict)
    feeds: list[Feeds] = field(default_factory=list)
    technologies: dict[str, Technology] = field(default_factory=dict)
    counties: dict[str, County] = field(default_factory=dict)
    platforms: list[Platform] = field(default_factory=list)
    targets: list[PolicyTarget] = field(default_factory=list)
    policy: dict = field(default_factory=dict)

    def segments_of(self, cluster_id: str) -> list[Segment]:
        return [s for s in self.segments.values() if s.cluster == cluster_id]

    def feeds_of(self, cluster_id: str) -> list[Feeds]:
        return [f for f in self.feeds if self.segments[f.source_id].cluster == cluster_id]

    def subtree(self, segment_id: str) -> list[str]:
        """The segment and all its descendants (CHILD_OF), the segment first."""
        out, todo = [], [segment_id]
        while todo:
            cur = todo.pop()
            out.append(cur)
            todo += [s.id for s in self.segments.values() if s.parent == cur]
        return out

    def ancestors(self, segment_id: str) -> list[str]:
        """The segment and its parents up to the top level, the segment first."""
        out, cur = [segment_id], self.segments.get(segment_id)
        while cur is not None and cur.parent:
            out.append(cur.parent)
            cur = self.segments.get(cur.parent)
        return out

    def cluster_id(self, value: str, field: str = "cluster") -> str:
        """The id of the cluster ``value`` names — its id, its Chinese or English name (医药, Pharmaceuticals) —
        else :class:`NotFoundError` naming ``field`` and listing the ids (the API answers it as a 404).

        >>> onto = load_ontology(); onto.cluster_id("医药"), onto.cluster_id("pharmaceuticals")
        ('pharma', 'pharma')
        >>> onto.cluster_id("pharm")
        Traceback (most recent call last):
        ...
        ontology.errors.NotFoundError: field cluster: unknown cluster 'pharm': use one of auto, pharma, pump-motor, \
mould-plastic, sewing, smart-toilet, aerospace
        """
        text = (value or "").strip()
        if text in self.clusters:
            return text
        for c in self.clusters.values():
            if text in (c.name, c.name + "产业") or (text and text.casefold() == c.name_en.casefold()):
                return c.id
        ids = [c for c in CLUSTER_ORDER if c in self.clusters] + sorted(set(self.clusters) - set(CLUSTER_ORDER))
        raise NotFoundError(f"unknown {field} {value!r}: use one of {', '.join(ids)}", field=field, value=value,
                            valid=ids)

    def segment_id(self, value: str, field: str = "segment", cluster: str | None = None) -> str:
        """The id of the segment ``value`` names — its id, or its name when one segment has it — else
        :class:`NotFoundError` naming ``field`` and listing the ids (of ``cluster``'s segments when given)."""
        text = (value or "").strip()
        if text in self.segments:
            return text
        named = [s.id for s in self.segments.values() if text and text in (s.name, s.name_en)]
        if len(named) == 1:
            return named[0]
        if cluster is None:  # pharma-nope: the ids of the cluster it starts with first
            cluster = next((c for c in sorted(self.clusters, key=len, reverse=True) if text.startswith(c + "-")), None)
        ids = [s.id for s in self.segments.values() if cluster is None or s.cluster == cluster]
        shown = ", ".join(ids[:12]) + (f" … ({len(ids)} in all)" if len(ids) > 12 else "")
        raise NotFoundError(f"unknown {field} {value!r}: use a segment id, e.g. {shown}", field=field, value=value,
                            valid=ids)

    def county_by_name(self, name: str) -> County | None:
        """Find a county by id, full name (温岭市) or short name (温岭)."""
        for c in self.counties.values():
            if name in (c.id, c.name, c.short):
                return c
        return None


#: libyaml's C parser when the wheel has it (8× faster on the chain files), else the pure-Python one
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(path: Path) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except yaml.YAMLError as e:
        raise OntologyError(f"not valid YAML: {e}", file=str(path)) from e
    if not isinstance(data, dict):
        raise OntologyError("expected a mapping at the top level", file=str(path))
    return data


def _model(cls, raw: dict, path: Path, entry: str):
    try:
        return cls.model_validate(raw)
    except ValidationError as e:
        errs = "; ".join(f"{'.'.join(map(str, x['loc']))}: {x['msg']}" for x in e.errors())
        raise OntologyError(errs, file=path.name, entry=entry) from e


def _add_unique(store: dict, obj, path: Path, kind: str) -> None:
    if obj.id in store:
        raise OntologyError(f"duplicate {kind} id", file=path.name, entry=obj.id)
    store[obj.id] = obj


def _load_chain(onto: Ontology, path: Path) -> None:
    data = _read(path)
    cluster = _model(Cluster, data.get("cluster") or {}, path, "cluster")
    _add_unique(onto.clusters, cluster, path, "cluster")
    raw_segments = data.get("segments") or []
    segs = [_model(Segment, {**s, "cluster": cluster.id}, path, str(s.get("id", f"#{i}")))
            for i, s in enumerate(raw_segments)]
    for s in segs:
        _add_unique(onto.segments, s, path, "segment")
    local = {s.id: s for s in segs}
    for s in segs:
        if s.parent is not None and s.parent not in local:
            raise OntologyError(f"parent {s.parent!r} is not a segment of cluster {cluster.id}",
                                file=path.name, entry=s.id)
    for s in segs:  # a subtree sits in one stage column: the child's stage is its parent's
        if s.parent is not None and local[s.parent].stage != s.stage:
            raise OntologyError(f"stage {s.stage} differs from its parent {s.parent!r} (stage "
                                f"{local[s.parent].stage}); a child segment has its parent's stage",
                                file=path.name, entry=s.id)
    for s in segs:  # level from the hierarchy; a parent loop is an error
        depth, cur, seen = 1, s, {s.id}
        while cur.parent:
            cur = local[cur.parent]
            if cur.id in seen:
                raise OntologyError("parent hierarchy has a loop", file=path.name, entry=s.id)
            seen.add(cur.id)
            depth += 1
        s.level = depth
    feeds = [_model(Feeds, f, path, f"feeds #{i}") for i, f in enumerate(data.get("feeds") or [])]
    edges: dict[tuple[str, str], None] = {}  # FEEDS edges in file order
    for i, f in enumerate(feeds):
        for end in (f.source_id, f.target_id):
            if end not in local:
                raise OntologyError(f"FEEDS endpoint {end!r} is not a segment of cluster {cluster.id}",
                                    file=path.name, entry=f"feeds #{i} {f.source_id} -> {f.target_id}")
        if (f.source_id, f.target_id) in edges:
            raise OntologyError("duplicate FEEDS edge", file=path.name, entry=f"{f.source_id} -> {f.target_id}")
        edges[(f.source_id, f.target_id)] = None
    declared = {tuple(e) for e in data.get("declared_cycles") or []}
    cycle = find_cycle([e for e in edges if e not in declared])
    if cycle:
        path_txt = " -> ".join([cycle[0][0], *[e[1] for e in cycle]])
        raise OntologyError(f"FEEDS cycle not declared in declared_cycles: {path_txt}", file=path.name,
                            entry=cycle[0][0])
    onto.feeds.extend(feeds)


def find_cycle(edges: list[tuple[str, str]]) -> list[tuple[str, str]] | None:
    """The edges of one directed cycle among ``edges`` (depth first, nodes and edges in the order
    given), or None. Why not networkx: this one check made every command import it (≈ 0.1–0.5 s of
    start-up here).

    >>> find_cycle([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])
    [('a', 'b'), ('b', 'c'), ('c', 'a')]
    >>> find_cycle([("a", "b"), ("a", "c"), ("b", "c")]) is None
    True
    """
    out: dict[str, list[str]] = {}
    for a, b in edges:
        out.setdefault(a, []).append(b)
        out.setdefault(b, [])
    done: set[str] = set()
    for start in out:
        if start in done:
            continue
        path, on_path, todo = [start], {start}, [iter(out[start])]
        while todo:
            nxt = next(todo[-1], None)
            if nxt is None:  # every edge of path[-1] followed: off the path for good
                done.add(path[-1])
                on_path.discard(path.pop())
                todo.pop()
            elif nxt in on_path:
                nodes = path[path.index(nxt):] + [nxt]
                return list(zip(nodes, nodes[1:]))
            elif nxt not in done:
                path.append(nxt)
                on_path.add(nxt)
                todo.append(iter(out[nxt]))
    return None


def _load_technologies(onto: Ontology, path: Path) -> None:
    for i, raw in enumerate(_read(path).get("technologies") or []):
        t = _model(Technology, raw, path, str(raw.get("id", f"#{i}")))
        for sid in t.segments:
            if sid not in onto.segments:
                raise OntologyError(f"technology needs unknown segment {sid!r}", file=path.name, entry=t.id)
        _add_unique(onto.technologies, t, path, "technology")


def _load_policy(onto: Ontology, path: Path) -> None:
    data = _read(path)
    document = {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in (data.get("document") or {}).items()}
    onto.policy = {"document": document, "clusters": data.get("clusters") or []}
    for raw in data.get("counties") or []:
        _add_unique(onto.counties, _model(County, raw, path, str(raw.get("id"))), path, "county")
    onto.platforms = [_model(Platform, raw, path, str(raw.get("id"))) for raw in data.get("platforms") or []]
    onto.targets = [_model(PolicyTarget, raw, path, str(raw.get("id"))) for raw in data.get("targets") or []]


def load_ontology(directory: str | Path | None = None) -> Ontology:
    """Load and validate every ontology file under ``directory`` (default: the packaged one)."""
    root = Path(directory) if directory else ONTOLOGY_DIR
    if directory is None:
        return _cached()
    return _load(root)


@lru_cache(maxsize=1)
def _cached() -> Ontology:
    return _load(ONTOLOGY_DIR)


def _load(root: Path) -> Ontology:
    onto = Ontology()
    chain_files = sorted((root / "chains").glob("*.yaml"))
    if not chain_files:
        raise OntologyError("no chain templates found", file=str(root / "chains"))
    for p in chain_files:
        _load_chain(onto, p)
    for p in sorted((root / "technologies").glob("*.yaml")):
        _load_technologies(onto, p)
    policy = root / "policy.yaml"
    if policy.exists():
        _load_policy(onto, policy)
    return onto
