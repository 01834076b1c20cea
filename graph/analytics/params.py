"""Analysis parameters: every weight and threshold of the analytics, in one documented model.

They are parameters, not buried constants: the CLI (``--param name=value``), the API (query
parameters) and the settings (``CHAINKG_ANALYSIS__<NAME>``) all set the same fields.
See ``docs/analytics.md`` for the formulas.

>>> AnalysisParams(weak_threshold=0.5).weak_threshold
0.5
"""

from __future__ import annotations

from pydantic import BaseModel, Field

__all__ = ["AnalysisParams", "STATUS_SEVERITY"]

#: severity of a technology's domestic status (国内状态), 0–1
STATUS_SEVERITY: dict[str, float] = {"国内空白": 1.0, "依赖进口": 0.8, "部分依赖": 0.5, "自主可控": 0.1}


class AnalysisParams(BaseModel):
    # strength score: weighted mean of components (each 0–1); weights need not sum to 1
    w_presence: float = Field(0.25, ge=0, description="weight of local firm count")
    w_output: float = Field(0.25, ge=0, description="weight of output share vs the segment's expected share")
    w_leading: float = Field(0.15, ge=0, description="weight of leading firms (小巨人/冠军/高新 tags or output ≥ 10亿元)")
    w_diversity: float = Field(0.15, ge=0, description="weight of 1 - HHI of local firms' output")
    w_tech: float = Field(0.20, ge=0, description="weight of technology mastery (key technologies held locally)")
    w_lq: float = Field(0.0, ge=0, description="weight of the location quotient (when a national universe is loaded)")
    presence_ref: int = Field(5, ge=1, description="local firms at which the presence component saturates")
    leading_ref: int = Field(2, ge=1, description="leading firms at which the leading component saturates")
    # gap classification
    weak_threshold: float = Field(0.35, ge=0, le=1, description="strength below this → 薄弱 weak")
    single_point_share: float = Field(0.6, gt=0, le=1,
                                      description="largest firm's share of segment output at/above this → 单点依赖")
    min_output_coverage: float = Field(0.5, ge=0, le=1,
                                       description="share of a segment's firms that must report output before "
                                                   "output-based rules (share, HHI, single point) are used")
    min_output_reporters: int = Field(2, ge=1, description="firms reporting output needed for HHI / single point")
    # chokepoints
    chokepoint_list_floor: float = Field(0.9, ge=0, le=1,
                                         description="severity floor for a technology on a national chokepoint list")
    uncertain_status_factor: float = Field(0.9, ge=0, le=1,
                                           description="severity multiplier when the status is not source-confirmed")
    # criticality → 补链 priority
    dominator_bonus: float = Field(1.0, ge=0, description="priority bonus per unit of end-product dominance")
    betweenness_bonus: float = Field(0.5, ge=0)
    articulation_bonus: float = Field(0.25, ge=0)
    top_targets: int = Field(10, ge=1, le=100, description="招商 candidates listed per gap segment")
    # 招商 candidates: score = 100 × weighted mean of the known components (scale, relatedness, proximity)
    w_target_scale: float = Field(0.35, ge=0, description="weight of the candidate's size (output, revenue, employees "
                                                          "or registered capital, the first known)")
    w_target_related: float = Field(0.40, ge=0, description="weight of relatedness: share of the candidate's other "
                                                            "segments where Taizhou has local firms (left out for a "
                                                            "firm with no other segment)")
    w_target_distance: float = Field(0.25, ge=0, description="weight of proximity to Taizhou (when coordinates are known)")
    target_distance_ref_km: float = Field(2000.0, gt=0, description="distance (km) at which proximity reaches 0")
    target_output_ref: float = Field(1_000_000.0, gt=0, description="output or revenue (万元) at which size saturates")
    target_employees_ref: int = Field(10_000, ge=1, description="employees at which size saturates")
    target_capital_ref: float = Field(100_000.0, gt=0, description="registered capital (万元) at which size saturates")
    target_capital_factor: float = Field(0.5, ge=0, le=1, description="registered capital is subscribed, not the "
                                         "business's size: a size read from it alone counts this share of its value")
    max_projects: int = Field(30, ge=1, le=500, description="priority projects listed (highest scores first)")
