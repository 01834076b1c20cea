"""UI strings of the write gate (ui/access.py) and the placement correction form, zh/en."""

STRINGS = {
    "acc.read_only": ("此页面只读：服务器未配置写入令牌（CHAINKG_API_TOKEN），也未开启开发模式。",
                      "Read-only: the server has no write token (CHAINKG_API_TOKEN) and is not in dev mode."),
    "acc.token": ("写入令牌（与 API 相同）", "Write token (same as the API's)"),
    "acc.wrong": ("令牌不正确。", "Wrong token."),
    "ov.fix_header": ("校正环节归属", "Correct this firm's placement"),
    "ov.fix_action": ("操作", "Action"),
    "ov.fix_confirm": ("确认归属", "Confirm"),
    "ov.fix_add": ("新增归属", "Add a segment"),
    "ov.fix_remove": ("移除归属", "Remove"),
    "ov.fix_move": ("移动到其他环节", "Move to another segment"),
    "ov.fix_segment": ("环节", "Segment"),
    "ov.fix_to": ("移动到", "Move to"),
    "ov.fix_who": ("操作人", "Who"),
    "ov.fix_why": ("理由（依据）", "Why (evidence)"),
    "ov.fix_save": ("保存校正", "Save correction"),
    "ov.fix_saved": ("已保存：之后每次重新载入数据都会保留这个校正。", "Saved: every later reload keeps this correction."),
    "ov.fix_history": ("已有校正", "Corrections so far"),
    "imp.too_large": ("文件 {name} 超过 {mb} MB，未导入。", "File {name} is larger than {mb} MB; not imported."),
}
