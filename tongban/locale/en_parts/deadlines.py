"""English for the provisional-deadline marks and the window identity rule (issues 6 and 7)."""

EN: dict[str, str | tuple[str, str]] = {
    "受理期限为暂定": "Acceptance deadline is provisional",
    "办结期限为暂定": "Completion deadline is provisional",
    "环节期限为暂定": "Step deadline is provisional",
    "容缺补交期限为暂定": "Supplement deadline is provisional",
    "（暂按法定节日计算）": " (provisional: statutory holidays only)",
    "该申请人没有可关联的已核验网上账号，本办件不在任何网上账号中显示。请告知申请人凭办件编号和查询码查询进度，办理通知将以短信发送到所留手机号码。": (
        "This applicant has no verified online account the case may be linked to, so it appears in no online "
        "account. Tell the applicant to follow it with the case number and query code; notices go by SMS to the "
        "phone number given."
    ),
}
