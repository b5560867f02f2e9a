"""English for the licences core: models, states, errors, ledger actions and verification results (issue 9)."""

EN: dict[str, str | tuple[str, str]] = {
    "证照类型代码": "Licence type code",
    "证照定义机构": "Defining agency",
    "证照定义机构代码": "Defining agency code",
    "证照定义机构级别": "Defining agency level",
    "证照颁发机构级别": "Issuing agency level",
    "持证主体类别": "Holder category",
    "有效期（年）": "Validity (years)",
    "照面信息结构": "Face schema",
    "照面信息来源": "Face mapping",
    "照面模板": "Face template",
    "证照类型": "Licence type",
    "证照颁发机构代码": "Issuing agency code",
    "证照流水号序列": "Licence serial sequence",
    "导入文件": "Import file",
    "文件名": "File name",
    "文件摘要": "File digest",
    "已处理行数": "Rows processed",
    "导入数": "Imported",
    "重复数": "Duplicates",
    "拒收数": "Rejected",
    "拒收行文件": "Rejected rows file",
    "错误信息": "Error",
    "导入人": "Imported by",
    "完成时间": "Finished at",
    "证照颁发机构": "Issuing agency",
    "流水号": "Serial number",
    "持证人身份证号码": "Holder's ID number",
    "持证单位统一社会信用代码": "Holder's unified social credit code",
    "有效期起始": "Valid from",
    "有效期截止": "Valid until",
    "颁证时间": "Issued at",
    "印章": "Seal",
    "更正后版本": "Corrected version",
    "导入批次": "Import batch",
    "签名数据": "Signed payload",
    "签章版式文件": "Signed PDF",
    "授权人": "Authorised by",
    "授权时间": "Authorised at",
    "随机数": "Nonce",
    "亮证人": "Presented by",
    "亮证时间": "Presented at",
    "亮证记录": "Licence presentation",
    "已暂停": "Suspended",
    "已过期": "Expired",
    "待处理": "Pending",
    "处理中": "Running",
    "已完成": "Done",
    "失败": "Failed",
    "找不到该电子证照，或您无权访问。": "The electronic licence was not found, or you may not access it.",
    "找不到该证照类型。": "The licence type was not found.",
    "电子证照当前状态下不能执行此操作。": "This cannot be done to the electronic licence in its current state.",
    "该电子证照当前不是有效状态（已暂停、撤销、更正或过期），不能使用。": (
        "The electronic licence is not valid now (suspended, revoked, corrected or expired) and cannot be used."
    ),
    "照面信息不完整或不符合该证照类型的要求，无法颁发电子证照。": (
        "The licence face is incomplete or does not meet the licence type's requirements; the electronic "
        "licence cannot be issued."
    ),
    "证照类型代码应为证照定义机构的18位统一社会信用代码加3位数字序号。": (
        "A licence type code is the defining agency's 18-character unified social credit code followed by a "
        "3-digit sequence number."
    ),
    "证照类型信息有误，请检查后重试。": "The licence type details are incorrect; please check them and try again.",
    "请填写事由。": "Please give the reason.",
    "请填写撤销的法律依据。": "Please give the legal basis for the revocation.",
    "请说明用该证照替代哪项材料。": "Please say which material the licence replaces.",
    "办件的实施主体缺少统一社会信用代码，无法颁发电子证照。": (
        "The case's implementing department has no unified social credit code; the electronic licence cannot "
        "be issued."
    ),
    "办件缺少持证主体的名称或证件号码，无法颁发电子证照。": (
        "The case lacks the holder's name or ID number; the electronic licence cannot be issued."
    ),
    "请提供待核验的证照签名数据（不超过规定长度）。": (
        "Please give the signed licence data to verify (within the length limit)."
    ),
    "定义证照类型": "Licence type defined",
    "颁发电子证照": "Electronic licence issued",
    "暂停电子证照": "Electronic licence suspended",
    "恢复电子证照": "Electronic licence reinstated",
    "撤销电子证照": "Electronic licence revoked",
    "更正电子证照": "Electronic licence corrected",
    "授权用证": "Licence use authorised",
    "导入存量证照": "Existing licences imported",
    "签名有效，证照有效": "Signature valid; licence valid",
    "签名有效，证照已暂停": "Signature valid; licence suspended",
    "签名有效，证照已撤销": "Signature valid; licence revoked",
    "签名有效，证照已更正，请以最新版本为准": "Signature valid; licence corrected, the latest version applies",
    "签名有效，证照已过期": "Signature valid; licence expired",
    "签名有效，但平台上没有该证照的记录": "Signature valid, but the platform has no record of this licence",
}
