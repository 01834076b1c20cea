"""The graph itself: a node's neighbourhood, a (cluster's) subgraph export, the store's counts and checksum."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

__all__ = ["GraphNode", "GraphRel", "Neighbourhood", "GraphRelFull", "GraphExport", "Stats"]


class GraphNode(BaseModel):
    label: str = Field(description="节点类型 / node label")
    id: str
    props: dict[str, Any] = Field(description="属性 / properties")


class GraphRel(BaseModel):
    type: str = Field(description="关系类型 / relationship type")
    src: str
    dst: str


class Neighbourhood(BaseModel):
    nodes: list[GraphNode]
    rels: list[GraphRel]


class GraphRelFull(GraphRel):
    props: dict[str, Any] = Field(description="属性 / properties")


class GraphExport(BaseModel):
    """The whole graph, or one cluster's subgraph (JSON export)."""

    cluster: str | None = Field(description="集群 id, null = 整图 / cluster id, null for the whole graph")
    nodes: list[GraphNode]
    rels: list[GraphRelFull]


class Stats(BaseModel):
    nodes: dict[str, int] = Field(description="各类节点数 / nodes by label")
    relationships: dict[str, int] = Field(description="各类关系数 / relationships by type")
    checksum: str = Field(description="内容校验和 / content checksum (same content → same value on both stores)")
    store: str = Field(description="存储类型 / sqlite or neo4j")
