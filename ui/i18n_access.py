"""UI strings of the write gate (ui/access.py) and the placement correction form, zh/en."""

STRINGS = {
    # said in words: an officer reads this, not the setting's name (docs/ui.md, "no pointers to files or commands")
    "acc.read_only": ("此页面只读：记录和修改数据需要写入权限，请联系系统管理员开通写入令牌；开通后在此输入令牌即可编辑。",
                      "Read-only: recording or changing data needs write access. Ask your administrator to set up a "
                      "write token; once it is set, you enter it here to edit."),
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
