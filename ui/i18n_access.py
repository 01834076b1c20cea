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
    # an unplaced firm: the enterprise list's filter and the profile's suggestions (ui/placement.py)
    "ent.unplaced": ("仅未归入环节", "Unplaced only"),
    "ent.unplaced_help": ("只列出没有归入任何产业链环节的企业（分类器的最佳候选低于归入门槛，或归属已被移除）；选了产业集群时，"
                          "列出未归入该集群任何环节的企业——再选该集群的名录（数据集），就是缺失页提示的名录中未归入的企业。"
                          "本地/外地等筛选仍然有效。",
                          "List only firms placed in no chain segment (the classifier's best candidate was below the "
                          "placement threshold, or a person removed the placement); with a cluster chosen, firms in none "
                          "of its segments — choose the cluster's census as the dataset too and these are the census "
                          "firms the gaps page warns about. The other filters still apply."),
    "ent.found_unplaced_cluster": ("；均未归入「{cluster}」的任何环节", "; none of them in a segment of {cluster}"),
    "ent.dataset": ("数据集（名录）", "Dataset (list)"),
    "ent.found_unplaced": ("；其中 {k} 家未归入任何环节", "; {k} of them placed in no segment"),
    "sug.header": ("系统建议（低于归入门槛，不计入任何判定）", "Suggestions (below the placement threshold, not counted in any verdict)"),
    "sug.note": ("这家企业没有归入任何环节。下列是分类器置信度在 {floor} 到 {cut} 分之间的最佳候选：低于归入门槛 {cut} 分，"
                 "这类候选实测对的不到一半，所以不计入任何环节的企业数和判定。请核实后确认或忽略；确认后才计入。",
                 "This firm is placed in no segment. Below are the classifier's best candidates scoring {floor} to {cut}: "
                 "under the placement threshold of {cut}, where fewer than half of such candidates proved right, so they "
                 "count in no segment's firms and in no verdict. Check them, then confirm one or ignore them; only a "
                 "confirmed one counts."),
    "sug.none": ("无建议：分类器没有置信度达到 {floor} 分的候选环节。如确属某环节，可在下方“校正环节归属”中新增。",
                 "No suggestion: the classifier has no candidate segment scoring {floor} or more. If the firm belongs "
                 "to a segment, add it under \"Correct this firm's placement\" below."),
    "sug.removed": ("无建议：已有人移除过这家企业的归属（见校正记录），不再自动给出建议。",
                    "No suggestion: a person removed this firm's placement (see the corrections), so none is offered."),
    "sug.confidence": ("置信度（分）", "Confidence (points)"),
    "sug.matched": ("命中的词", "Matched words"),
    "sug.confirm": ("确认归入：{segment}", "Confirm: {segment}"),
    "sug.need_who": ("请先填写操作人。", "Say who you are first."),
    "sug.saved": ("已确认归入“{segment}”：保存为校正，之后每次重新载入都会保留，并计入分析。",
                  "Confirmed on \"{segment}\": saved as a correction that every reload keeps, and counted in the analysis."),
    "sug.read_only": ("确认建议需要写入权限（在下方“校正环节归属”中输入令牌）。",
                      "Confirming a suggestion needs write access (enter the token under \"Correct this firm's placement\" below)."),
}
