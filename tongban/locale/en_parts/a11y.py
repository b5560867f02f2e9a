"""English for the accessibility work (issue 7 §5 and the presentation items of §4): error summary, list status
lines, fingerprints, placeholders, supervision counts, and the msgids that now mark Chinese data with lang."""

EN: dict[str, str | tuple[str, str]] = {
    # error summary and title
    "错误：": "Error: ",
    "请修改以下问题": "There is a problem",
    "错误代码：%(code)s": "Error code: %(code)s",
    "：": ": ",
    # list status lines (HTMX)
    "共 %(counter)s 件": ("%(counter)s item", "%(counter)s items"),
    "第 %(page)s 页，本页 %(counter)s 件": (
        "Page %(page)s, %(counter)s item on this page",
        "Page %(page)s, %(counter)s items on this page",
    ),
    "未发现问题。": "No problems found.",
    "发现 %(counter)s 项问题，其中错误 %(error_count)s 项。": (
        "%(counter)s problem found, %(error_count)s of them errors.",
        "%(counter)s problems found, %(error_count)s of them errors.",
    ),
    # fingerprints and placeholders
    "复制完整指纹": "Copy the full fingerprint",
    "已复制": "Copied",
    "请选择加签部门": "Choose a department",
    "请选择同事": "Choose a colleague",
    # supervision
    "按预警等级": "By warning level",
    # msgids that now carry lang="zh-CN" around data
    '下方只列出<span lang="zh-CN">%(name)s</span>的事项；市级部门的事项请选择“全市”。': (
        'Only services of <span lang="zh-CN">%(name)s</span> are listed below; choose “Whole city” for the '
        "city departments' services."
    ),
    '查看<span lang="zh-CN">%(name)s</span>全部 %(counter)s 项': (
        'See all %(counter)s service of <span lang="zh-CN">%(name)s</span>',
        'See all %(counter)s services of <span lang="zh-CN">%(name)s</span>',
    ),
    "问%(n)s：": "Q%(n)s: ",
    '办理结果已出，将邮寄至：<span lang="zh-CN">%(address)s</span>。寄出后此处显示快递单号。': (
        'The result is ready and will be posted to: <span lang="zh-CN">%(address)s</span>. The tracking number '
        "appears here once it is sent."
    ),
    '您的“<span lang="zh-CN">%(item)s</span>”申请已提交，请记下办件编号和查询码，用于查询办理进度。': (
        'Your application for “<span lang="zh-CN">%(item)s</span>” has been submitted. Note the case number and '
        "the query code to track its progress."
    ),
    '<span lang="zh-CN">%(hall)s</span> %(number)s号窗口': '<span lang="zh-CN">%(hall)s</span> window %(number)s',
}
