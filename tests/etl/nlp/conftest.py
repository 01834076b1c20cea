"""Shared fixtures for the NLP tests: a small hand-built ontology, and access to ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ontology.loader import Ontology
from ontology.models import Cluster, County, Segment, Technology
from chainkg.settings import PROJECT_ROOT

SHARED = Path(os.environ.get("CHAINKG_SHARED", PROJECT_ROOT.parent / "shared"))


def _need_shared(rel: str) -> Path:
    """Path under ../shared; FAIL under CI (env CI set) when missing, skip elsewhere."""
    p = SHARED / rel
    if not p.exists():
        msg = f"shared data missing: {p}"
        if os.environ.get("CI"):
            pytest.fail(msg, pytrace=False)
        pytest.skip(msg)
    return p


@pytest.fixture
def need_shared():
    """``need_shared("seeds/x.txt") -> Path``: fails under CI, skips elsewhere when missing."""
    return _need_shared


def _seg(id, name, cluster, parent=None, keywords=(), products=()):
    return Segment(id=id, name=name, cluster=cluster, stage="中游", parent=parent, weight=0.1,
                   keywords=list(keywords), products=list(products), source="test")


@pytest.fixture(scope="session")
def small_onto() -> Ontology:
    segs = [
        _seg("sewing-machines", "缝纫机整机", "sewing", keywords=["缝纫机", "缝制设备"]),
        _seg("sewing-industrial", "工业缝纫机", "sewing", "sewing-machines", keywords=["工业缝纫机", "平缝机"]),
        _seg("sewing-parts", "缝纫机零部件", "sewing", keywords=["缝纫机零部件", "旋梭", "机针"]),
        _seg("auto-parts", "汽车零部件", "auto", keywords=["汽车零部件", "汽车配件"]),
        _seg("auto-brake", "制动系统", "auto", "auto-parts", keywords=["制动器", "刹车片"], products=["盘式制动器"]),
        _seg("auto-nev", "新能源汽车", "auto", keywords=["新能源汽车", "电动汽车"]),
        _seg("pump-pumps", "工业泵", "pump-motor", keywords=["工业泵", "离心泵", "水泵"]),
        _seg("pump-motors", "电机", "pump-motor", keywords=["电机", "电动机"]),
        _seg("auto-drive-motor", "驱动电机", "auto", keywords=["驱动电机"]),
        _seg("pharma-api", "原料药", "pharma", keywords=["原料药"]),
        _seg("pharma-api-anti", "抗感染类原料药", "pharma", "pharma-api", keywords=["头孢类", "青霉素类"]),
        _seg("toilet-seat", "智能马桶盖", "smart-toilet", keywords=["智能马桶盖", "智能坐便盖"]),
    ]
    clusters = [Cluster(id="sewing", name="缝制设备", directions=["工业缝纫机", "智能缝制单元"], source="t"),
                Cluster(id="auto", name="汽车", directions=["新能源汽车", "智能网联汽车"], source="t"),
                Cluster(id="pump-motor", name="泵与电机", directions=["工业泵"], source="t"),
                Cluster(id="pharma", name="医药", directions=["原料药"], source="t"),
                Cluster(id="smart-toilet", name="智能马桶", source="t")]
    techs = [Technology(id="tech-fuel-cell", name="燃料电池关键材料", segments=["auto-nev"], status="依赖进口",
                        source="t")]
    return Ontology(clusters={c.id: c for c in clusters}, segments={s.id: s for s in segs},
                    technologies={t.id: t for t in techs},
                    counties={"wenling": County(id="wenling", name="温岭市", short="温岭", source="t")})
