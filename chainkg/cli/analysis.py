"""The commands that read the loaded graph: ``stats``, ``analyze`` (table, JSON or CSV), ``what-if``
and ``report`` (Word, PDF or Excel)."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Optional

import typer

from chainkg.cli.common import StoreOpt, _call, _choice, _errors, _json, _open_loaded, _pad, _params, _print
from chainkg.service import ChainKG
from graph.analytics.strength import GAP_LABELS

__all__ = ["stats", "analyze", "report", "what_if"]


def stats(store: Optional[str] = StoreOpt,
          fmt: str = typer.Option("table", "--format", help="table | json")) -> None:
    """Node and relationship counts by type and a content checksum. Example: chainkg stats --format json"""
    _choice(fmt, ("table", "json"))
    _print(_call(ChainKG.stats, store=store), fmt, _stats_table)


def _stats_table(st: dict) -> Iterable[str]:
    for kind in ("nodes", "relationships"):
        for k, v in st[kind].items():
            yield f"{kind[:-1] if kind == 'nodes' else 'rel'}\t{k}\t{v}"
    yield f"checksum\t{st['checksum']}"


def analyze(cluster: Optional[str] = typer.Option(None, help="Cluster id, e.g. auto (default: all seven)"),
            fmt: str = typer.Option("table", "--format", help="table | json | csv"),
            param: list[str] = typer.Option(None, "--param", help="Analysis parameter, e.g. weak_threshold=0.4"),
            store: Optional[str] = StoreOpt) -> None:
    """Gaps (缺失/未发现/单点依赖/薄弱/已有/较强, each with its 口径), chokepoints, priority projects,
    招商 targets, and the data to collect where the loaded data cannot tell.

    Example: chainkg analyze --cluster sewing --format json --param weak_threshold=0.4
    """
    _choice(fmt, ("table", "json", "csv"))
    params = _params(param)
    with _errors():
        result = _open_loaded(store).analysis(cluster, params=params)
    if fmt == "json":
        typer.echo(_json(result))
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(["cluster", "segment_id", "segment", "kind", "verdict", "basis", "adequate", "strength", "score",
                    "local_firms", "firms_with_output", "as_of", "rule", "action"])
        for g in result["gaps"]:
            cov = g["coverage"]
            w.writerow([g["cluster"], g["segment_id"], g["segment"], g["kind"], g["verdict"], cov["basis"],
                        cov["adequate"], g["strength"], g["score"], cov["firms_known"], cov["firms_with_output"],
                        cov["as_of"] or "", g["evidence"]["rule"], (g.get("action") or {}).get("text", "")])
    else:
        from ontology.loader import load_ontology

        names = {c: o.name for c, o in load_ontology().clusters.items()}
        typer.echo(f"{_pad('集群', 8)} {_pad('环节', 26)} {_pad('结论（口径）', 24)} {'强度':>4} {'企业':>4}  依据")
        for g in result["gaps"]:
            typer.echo(f"{_pad(names.get(g['cluster'], g['cluster']), 8)} {_pad(g['segment'], 26)} "
                       f"{_pad(g['verdict'], 24)} {'—' if g['kind'] == 'unknown' else round(g['strength'] * 100):>6} "
                       f"{g['evidence']['local_firms']:>6}  "
                       f"{g['evidence']['rule']}")
        kinds = {k: sum(1 for g in result["gaps"] if g["kind"] == k) for k in GAP_LABELS}
        typer.echo("\n" + "，".join(f"{GAP_LABELS[k]} {n}" for k, n in kinds.items() if n)
                   + f"；重点攻关项目 {len(result.get('projects', []))} 项")
        for a in result.get("data_actions", []):
            where = f"{len(a['segments'])} 个环节" if a["segments"] else "全集群"
            typer.echo(f"待补数据 · {a['cluster_name']}（{a['basis']}，{where}）：{a['text']}")
            for key, label in (("unplaced_firms", "未归入的名录企业"), ("missing_firms", "不在名录里的本集群企业")):
                if a.get(key):  # the firms an action is about, by name
                    more = a["firms"] - len(a[key])
                    split = (a.get("words") or {}).get("split", "") if key == "unplaced_firms" else ""  # where they are
                    typer.echo(f"  {label}{split}：" + "、".join(f["name"] for f in a[key])
                               + (f" 等，另有 {more} 家" if more > 0 else ""))


def report(cluster: str = typer.Option(..., "--cluster", help="Cluster id, e.g. pump-motor"),
           fmt: str = typer.Option("docx", "--format", help="docx | pdf | xlsx"),
           output: Optional[Path] = typer.Option(None, "-o", "--output", help="File to write (default: the "
                                                 "report's title and date in the current directory)"),
           param: list[str] = typer.Option(None, "--param", help="Analysis parameter, e.g. weak_threshold=0.4"),
           store: Optional[str] = StoreOpt) -> None:
    """产业链招商分析报告 of one cluster as Word, PDF or Excel: the chain picture, data 口径 and dates,
    verdicts with their evidence, 招商 targets (or the data to collect), chokepoints, projects, sources.

    Example: chainkg report --cluster pump-motor --format pdf -o 泵与电机.pdf
    """
    from chainkg.report import FORMATS, report_file

    _choice(fmt, tuple(FORMATS))
    with _errors():
        data, name, _ = report_file(_open_loaded(store), cluster, fmt, params=_params(param))
    path = output or Path(name)
    path.write_bytes(data)
    typer.echo(f"{path} ({len(data):,} bytes)")


def what_if(remove: list[str] = typer.Option(None, "--remove", help="Enterprise id to remove"),
            add: list[str] = typer.Option(None, "--add", help="Outside enterprise id to attract"),
            remove_segment: list[str] = typer.Option(None, "--remove-segment", help="Segment id to drop"),
            cluster: Optional[str] = typer.Option(None), store: Optional[str] = StoreOpt) -> None:
    """What changes if firms leave or arrive. Example: chainkg what-if --remove sc-603337.SH --cluster sewing"""
    from graph.analytics.whatif import NewEnterprise, Scenario

    sc = Scenario(remove_enterprises=remove or [], add_enterprises=[NewEnterprise(id=a) for a in add or []],
                  remove_segments=remove_segment or [])
    with _errors():
        res = _open_loaded(store).what_if(sc, cluster)
    typer.echo(_json({k: v for k, v in res.items() if k != "gaps_after"}))  # the result is the service's cached copy
