"""What an export's banner, condition and footer lines say about the export itself: its date and its region.

Why: a registry export (企查查, 天眼查, 公示系统) states when it was taken and what was searched — "搜索条件：
所属地区：浙江省；国标行业：…；导出时间：2026-12-02" — in a line above the header or below the rows. The reader
skipped that line as no firm, and the dataset's 截止日期 stayed "—" and its 地区 "未注明" although the file says
both (review 40 C7). The loader now reads them here (:func:`export_date`, :func:`export_region`) and, where the
user gave none (no ``--as-of``; a sample's region), takes them and says so in the load report.

A date is read only after a label that means "as of" (导出时间, 导出日期, 数据截止, 截止日期, 截至, 更新时间);
a 成立日期 or a year in a title is no export date. A region is read only when 所属地区 names one place (浙江省,
台州市); a list of places (浙江省、江苏省) is left alone.

>>> export_date("搜索条件：所属地区：浙江省；国标行业：医药制造业；导出时间：2026-12-02 10:31")
'2026-12-02'
>>> export_date("数据来源：企查查（www.qcc.com），导出时间 2025年6月30日"), export_date("数据截止：2025/12/31")
('2025-06-30', '2025-12-31')
>>> export_date("浙江省2025年重点企业名录"), export_date("成立日期：2020-01-01")
(None, None)
>>> export_region("搜索条件：所属地区：浙江省；导出时间：2026-12-02"), export_region("所属地区：浙江省、江苏省")
('浙江省', None)
"""

from __future__ import annotations

import re

from etl.dataset import UNSTATED_REGION
from etl.normalize import parse_date
from etl.quarantine import Quarantine
from ontology.models import Dataset

__all__ = ["export_date", "export_region", "export_facts"]

_DATE = re.compile(r"(?:导出(?:时间|日期)|数据截止(?:日期|时间)?|截止(?:日期|时间)|统计截止(?:日期)?|截至(?:日期)?|更新(?:时间|日期))"
                   r"\s*[:：]?\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)")
_REGION = re.compile(r"所属地区\s*[:：]\s*([^；;，,。\s]+)")
_ONE_PLACE = re.compile(r"[\u4e00-\u9fff]{2,16}")


def export_date(text: str) -> str | None:
    """The export's as-of date (ISO) a banner or footer line states, else ``None`` (module doc)."""
    m = _DATE.search(text or "")
    if not m:
        return None
    try:
        return parse_date(re.sub(r"\s", "", m.group(1)))
    except ValueError:
        return None


def export_region(text: str) -> str | None:
    """The one region a condition line's 所属地区 names (浙江省), else ``None``."""
    m = _REGION.search(text or "")
    return m.group(1) if m and _ONE_PLACE.fullmatch(m.group(1)) else None


def export_facts(spec: Dataset, text: str, file: str, row: int | None) -> list[Quarantine]:
    """Take what ``text`` (a banner, condition or footer line of ``file``) says of the export into ``spec``: its
    date as the as-of date when the dataset has none (no ``--as-of``), its one region when the dataset's is not
    stated (a sample). A warning for each taken, naming the line, so the load report says where it came from.

    >>> from etl.dataset import sample_spec
    >>> d = sample_spec("名录.xlsx")
    >>> [q.field for q in export_facts(d, "搜索条件：所属地区：浙江省；导出时间：2026-12-02", "名录.xlsx", 2)], d.as_of, d.region
    (['dataset.as_of', 'dataset.region'], '2026-12-02', '浙江省')
    >>> export_facts(d, "导出时间：2027-01-05", "名录.xlsx", 90), d.as_of  # the first date stated stays
    ([], '2026-12-02')
    """
    out = []
    day = export_date(text)
    if day and spec.as_of is None:
        spec.as_of = day
        out.append(Quarantine(file, row, "dataset.as_of", day, f"文件写明的导出日期 {day} 记为数据集「{spec.name}」的截止日期（导入时没有给"
                                                       f" --as-of）/ the export date the file states, {day}, is taken as the "
                                                       f"as-of date of dataset {spec.name} (no --as-of was given)",
                              level="warning"))
    region = export_region(text)
    if region and spec.region == UNSTATED_REGION:
        spec.region = region
        out.append(Quarantine(file, row, "dataset.region", region, f"文件的搜索条件写明所属地区「{region}」，记为数据集「{spec.name}」的地区 / "
                                                           f"the file's search condition states the region {region}: taken "
                                                           f"as the region of dataset {spec.name}", level="warning"))
    return out
