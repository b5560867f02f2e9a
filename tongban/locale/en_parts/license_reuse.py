"""English for electronic licences in the catalog and in cases: issuance on approval, reuse instead of paper
(免证可办), the reviewer's view of a licence (issue 9)."""

EN: dict[str, str | tuple[str, str]] = {
    # catalog
    "办理结果证照类型代码": "Licence type issued on approval",
    "审批通过后签发此类型的电子证照；留空表示不签发电子证照。": (
        "Approval issues an electronic licence of this type; leave blank when no electronic licence is issued."
    ),
    "可用电子证照替代": "Replaceable by an electronic licence",
    "填写可替代本材料的电子证照类型代码；申请人选用该类证照即可免提交。": (
        "The type code of the electronic licence that can replace this material; an applicant who chooses such a "
        "licence need not submit the material."
    ),
    "可用电子证照免提交": "No submission needed with an electronic licence",
    "可使用电子证照": "An electronic licence can be used",
    # cases: model, events, errors
    "电子证照标识": "Electronic licence identifier",
    "使用电子证照替代材料": "Electronic licence used instead of a material",
    "该材料不能用电子证照替代，请上传文件。": "No electronic licence can replace this material; please upload a file.",
    "所选电子证照不能用于该材料：须是申请人（或申请单位）持有的、当前有效的同类电子证照。": (
        "The chosen electronic licence cannot be used for this material: it must be a currently valid licence of "
        "the right type held by the applicant (or the applicant organisation)."
    ),
    "申请人身份未经实名核验并关联账户，不能使用其电子证照，请收取纸质材料。": (
        "The applicant's identity is not verified and linked to an account, so their electronic licences cannot "
        "be used; please take paper materials."
    ),
    # delivery
    "电子证照已存入您的证照夹，证照标识：%(identifiers)s。": (
        " The electronic licence is in your licence wallet, identifier: %(identifiers)s."
    ),
    "电子证照标识：%(identifiers)s。": " Electronic licence identifier: %(identifiers)s.",
    # application page
    "可使用电子证照免提交": "Can be replaced by an electronic licence",
    "已使用电子证照": "Electronic licence used",
    "不再使用": "Stop using",
    "使用电子证照": "Use an electronic licence",
    "有效期至 %(until)s": "valid until %(until)s",
    "长期有效": "no expiry",
    "不使用电子证照，上传文件": "Do not use a licence; upload a file",
    "选用电子证照即授权受理部门在本办件中查验使用该证照，无需上传复印件。": (
        "Choosing a licence authorises the department to check and use it in this case; no copy needs to be "
        "uploaded."
    ),
    "您暂无可用的该类电子证照，请上传文件。": "You have no valid licence of this type; please upload a file.",
    "电子证照标识（申请人身份已核验时可用）": "Electronic licence identifier (only for a verified applicant)",
    # staff case page
    "电子证照": "Electronic licence",
    "办理结果电子证照": "Electronic licence issued",
    "以电子证照替代的材料": "Materials replaced by electronic licences",
    "找不到该电子证照，请申请人提交纸质材料。": "The electronic licence cannot be found; ask the applicant for paper materials.",
    "证照已撤销": "Licence revoked",
    "该电子证照已被颁证单位撤销，不能作为本办件的申请材料。": (
        "The issuing department has revoked this licence; it cannot serve as a material of this case."
    ),
    "该电子证照当前状态为“%(status)s”，请核实。": "This licence's current status is “%(status)s”; please check.",
    "签名有效": "Signature valid",
    "签名无效": "Signature invalid",
    "持证主体": "Holder",
    "有效期至": "Valid until",
    "长期": "No expiry",
    "证照标识": "Identifier",
}
