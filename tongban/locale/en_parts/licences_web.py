"""English for the licence pages: 证照夹 (wallet), 亮证 (presentation), the public verification page and the
issuing department's licence pages (issue 9)."""

EN: dict[str, str | tuple[str, str]] = {
    # wallet and licence page
    "证照夹": "Licence wallet",
    "您本人及您经授权代办的企业名下的电子证照。办事时可直接使用，不必再提交纸质证照或复印件。": (
        "Electronic licences held by you and by the enterprises you are an authorised agent for. Use them when "
        "applying instead of paper licences or copies."
    ),
    "您的账号尚未完成身份核验（实名核验或窗口核验），证照夹暂不显示证照。完成核验后，以您身份证号码颁发的证照会自动出现在这里。": (
        "Your account's identity has not been verified yet (real-name check or at a service window), so the wallet "
        "shows no licences. Once it is verified, licences issued to your ID number appear here."
    ),
    "共 %(n)s 本电子证照": ("%(n)s electronic licence", "%(n)s electronic licences"),
    "本人证照": "My licences",
    "暂无本人证照。": "You hold no licences yet.",
    "核验他人出示的电子证照": "Verify a licence someone shows you",
    "持证主体": "Holder",
    "颁证单位": "Issued by",
    "有效期": "Valid",
    "至": "to",
    "长期": "no expiry",
    "版本": "Version",
    "演示数据": "Demonstration data",
    "演示数据 · 不具法律效力": "Demonstration data · no legal effect",
    "位置": "Breadcrumb",
    "电子证照标识": "Licence identifier",
    "下载签章版 PDF": "Download the sealed PDF",
    "PDF 带有颁证单位的电子印章和数字签名（PAdES），可在 PDF 阅读器中查看签名。": (
        "The PDF carries the issuer's electronic seal and a digital signature (PAdES); PDF readers show the "
        "signature."
    ),
    "证照记录": "Licence history",
    "用证记录": "Uses of this licence",
    "时间": "Time",
    "用证部门": "Department",
    "办件": "Case",
    "替代材料": "Replaces material",
    "授权有效期至": "Authorised until",
    "办结为止": "Until the case is closed",
    "该证照还没有被用于办事。": "This licence has not been used in a case yet.",
    "暂无记录": "No entries yet",
    "版本 %(n)s": "Version %(n)s",
    "现行版本": "Current version",
    "已更正": "Corrected",
    "查看现行版本 %(v)s": "See the current version %(v)s",
    "该证照已被颁证单位撤销，不能再使用。": "The issuer has revoked this licence; it can no longer be used.",
    "该证照已被颁证单位暂停，暂停期间不能使用。": "The issuer has suspended this licence; it cannot be used meanwhile.",
    "该版本已更正，请使用现行版本。": "This version has been corrected; use the current version.",
    "该证照已超过有效期。": "This licence has expired.",
    "撤销事由": "Reason for revocation",
    "法律依据": "Legal basis",
    "事由": "Reason",
    "办件编号": "Case number",
    "更正后的证照标识": "Identifier of the corrected licence",
    # presentation (亮证)
    "亮证": "Show licence",
    "亮证（生成展示码）": "Show licence (make a presentation code)",
    "亮证会生成一个 5 分钟内有效的二维码，供窗口或检查人员扫码核验您的证照真伪和当前状态。": (
        "Showing the licence makes a QR code valid for 5 minutes, which a window clerk or inspector scans to check "
        "that your licence is genuine and in force."
    ),
    "展示码有效至": "Code valid until",
    "剩余时间": "Time left",
    "展示码已过期，请点击“刷新展示码”。": "The code has expired; select “Refresh code”.",
    "请让核验人员用手机扫描上面的二维码。展示码 5 分钟后失效，截图无法在之后冒用。": (
        "Let the verifier scan the QR code above with a phone. The code expires after 5 minutes, so a screenshot "
        "cannot be reused later."
    ),
    "刷新展示码": "Refresh code",
    # verification page
    "电子证照核验": "Verify an electronic licence",
    "核验电子证照的签名真伪和当前状态。": "Check an electronic licence's signature and its current status.",
    "用手机相机扫描电子证照或亮证二维码会自动打开本页并显示核验结果；也可以把核验链接或签名数据粘贴在下面。无需登录。": (
        "Scanning a licence's or a presentation's QR code with a phone camera opens this page with the result; "
        "you can also paste the verification link or the signed data below. No sign-in needed."
    ),
    "签名": "Signature",
    "签名有效": "Signature valid",
    "签名无效": "Signature invalid",
    "由平台公布的颁证密钥签发，内容未被篡改。": "Signed with an issuing key the platform publishes; the content is unchanged.",
    "内容不完整、被改动，或不是本平台签发的电子证照。": (
        "Incomplete, altered, or not an electronic licence issued by this platform."
    ),
    "当前状态": "Current status",
    "平台上没有该证照的记录": "The platform has no record of this licence",
    "展示码": "Presentation code",
    "展示码已过期": "Presentation code expired",
    "失效时间": "expired at",
    "有效至": "Valid until",
    "证照名称": "Licence",
    "已有更正后的新版本": "A corrected version exists",
    "核验": "Verify",
    "证照签名数据或核验链接": "Signed licence data or verification link",
    "粘贴二维码中的核验链接，或以“eyJ”开头的签名数据。": (
        "Paste the verification link from the QR code, or the signed data starting with “eyJ”."
    ),
    "请粘贴证照二维码中的核验链接或签名数据。": "Paste the verification link or the signed data from the licence's QR code.",
    "内容过长，不是有效的证照签名数据。": "Too long to be signed licence data.",
    "链接中没有证照签名数据（参数 p）。": "The link carries no signed licence data (parameter p).",
    "离线核验": "Verifying offline",
    "二维码中的签名数据是一个紧凑格式的 JWS（RFC 7515），签名算法为 EdDSA（Ed25519，RFC 8037），头部的 kid 指明签名密钥。颁证密钥的公钥以 JWKS（RFC 7517）公布，任何标准 JOSE 库都可以不联网核验签名：": (
        "The signed data in the QR code is a compact JWS (RFC 7515) signed with EdDSA (Ed25519, RFC 8037); its "
        "header's kid names the signing key. The issuing keys' public keys are published as a JWKS (RFC 7517), so "
        "any standard JOSE library verifies the signature without going online:"
    ),
    "下载一次公钥集合（JWKS），之后离线保存：": "Download the public key set (JWKS) once and keep it offline:",
    "取核验链接中参数 p 的值，用 JWKS 中与 kid 对应的公钥验证签名。": (
        "Take the value of parameter p in the verification link and verify it with the JWKS key named by its kid."
    ),
    "亮证展示码的载荷中，lic 是证照本身的签名数据（同样需要验证），exp 是展示码的失效时间。": (
        "In a presentation code's payload, lic is the licence's own signed data (verify it too) and exp is when the "
        "code expires."
    ),
    "离线核验只能证明签名真实，不能得知证照此后是否被暂停、撤销或更正；当前状态以本页或接口查询结果为准：": (
        "Verifying offline proves the signature only, not whether the licence has since been suspended, revoked or "
        "corrected; the current status is what this page or the API says:"
    ),
    # the issuing department's pages
    "电子证照管理": "Licence management",
    "工作台": "Workspace",
    "本部门颁发的电子证照。可暂停、恢复、撤销或更正。": (
        "Electronic licences your department issued. You can suspend, reinstate, revoke or correct them."
    ),
    "证照标识、持证主体或证件号码": "Identifier, holder or ID / credit code",
    "搜索": "Search",
    "共 %(n)s 本": ("%(n)s licence", "%(n)s licences"),
    "本部门颁发的电子证照": "Licences issued by your department",
    "状态": "Status",
    "颁证日期": "Issued on",
    "操作": "Actions",
    "查看": "View",
    "没有符合条件的电子证照。": "No licences match.",
    "本部门还没有颁发电子证照。": "Your department has not issued any electronic licences yet.",
    "来源办件": "Source case",
    "该证照当前状态下没有可执行的操作。": "No action is possible in the licence's current status.",
    "暂停": "Suspend",
    "暂停期间证照不能使用，核验显示“已暂停”；可以恢复。": (
        "While suspended the licence cannot be used and verification shows “suspended”; it can be reinstated."
    ),
    "暂停证照": "Suspend licence",
    "恢复": "Reinstate",
    "恢复证照": "Reinstate licence",
    "撤销": "Revoke",
    "撤销不可恢复。请写明事由和法律依据（如《中华人民共和国行政许可法》第六十九条）。": (
        "Revocation is final. Give the reason and the legal basis (e.g. Article 69 of the Administrative "
        "Licensing Law of the PRC)."
    ),
    "撤销证照": "Revoke licence",
    "更正": "Correct",
    "更正会颁发新版本（版本号加一，新的校验位），本版本标为“已更正”，两个版本都可以核验。": (
        "A correction issues a new version (the next version number, a new check character) and marks this one "
        "“corrected”; both stay verifiable."
    ),
    "更正事由": "Reason for the correction",
    "更正并颁发新版本": "Correct and issue a new version",
    "电子证照已暂停。": "The licence has been suspended.",
    "电子证照已恢复。": "The licence has been reinstated.",
    "电子证照已撤销。": "The licence has been revoked.",
    "已更正，新版本电子证照已颁发。": "Corrected; the new version of the licence has been issued.",
    "此项不符合该证照类型的照面要求，请核对。": "This does not meet the licence type's requirements; please check it.",
}
