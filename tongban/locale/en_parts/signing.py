"""English for the signing app: keys, the platform CA, electronic seals and signature checks (issue 9)."""

EN: dict[str, str | tuple[str, str]] = {
    # choices and events
    "数据签名": "Data signature",
    "电子印章": "Electronic seal",
    "根证书": "Root certificate",
    "单位印章": "Department seal",
    "行政审批专用章": "Administrative approval seal",
    "生成签名密钥": "Signing key generated",
    "轮换签名密钥": "Signing key rotated",
    "生成平台根证书": "Platform root certificate created",
    "生成电子印章": "Electronic seal created",
    "文件签章": "Document sealed",
    # errors
    "不支持该签名算法。": "This signature algorithm is not supported.",
    "该算法已有在用的签名密钥，请改用密钥轮换。": (
        "There is already a current signing key for this algorithm; rotate the key instead."
    ),
    "电子印章的密钥必须是 P-256 密钥。": "The key of an electronic seal must be a P-256 key.",
    "文件不是可读的 PDF，无法签章。": "The file is not a readable PDF and cannot be sealed.",
    "签名数据格式不正确。": "The signed data is malformed.",
    "签名所用的密钥不是本平台的密钥。": "The signature was made with a key that is not this platform's.",
    "签名算法与密钥不符。": "The signature algorithm does not match the key.",
    "签名无效：数据已被篡改或不是本平台签发。": (
        "The signature is invalid: the data was altered or was not issued by this platform."
    ),
    # models
    "签名密钥": "Signing key",
    "算法": "Algorithm",
    "用途": "Purpose",
    "密钥标识": "Key ID",
    "公钥": "Public key",
    "公钥 JWK": "Public key (JWK)",
    "加密的私钥": "Encrypted private key",
    "加密随机数": "Encryption nonce",
    "生成时间": "Created at",
    "停用时间": "Retired at",
    "数字证书": "Certificate",
    "证书（PEM）": "Certificate (PEM)",
    "序列号": "Serial number",
    "主体": "Subject",
    "生效时间": "Not before",
    "失效时间": "Not after",
    "密钥": "Key",
    "签发时间": "Issued at",
    "部门": "Department",
    "印章名称": "Seal name",
    "印章类型": "Seal kind",
    "启用时间": "Valid from",
    "有效期至": "Valid until",
    "印模（SVG）": "Seal image (SVG)",
    "印章证书（PEM）": "Seal certificate (PEM)",
    # the seals page
    "通办": "Tongban",
    "电子印章在首次签章时自动生成，由平台根证书签发证书。印模图片只供阅读；文件的真伪以 PDF 中的数字签名为准。": (
        "An electronic seal is created the first time it seals a document, with a certificate issued by the "
        "platform root. The seal image is for readers only; whether a document is genuine is decided by the "
        "digital signature in the PDF."
    ),
    "下载平台根证书": "Download the platform root certificate",
    "有效期": "Valid",
    "已停用": "Retired",
    "下载印章证书": "Download the seal certificate",
    "尚未生成电子印章：首次签发电子证照时会自动生成。": (
        "No electronic seal yet: one is created when the first electronic licence is issued."
    ),
    "签名密钥已轮换，新密钥标识：%(kid)s。旧密钥签发的证照仍可验证。": (
        "The signing key was rotated; new key ID: %(kid)s. Licences signed with the old key still verify."
    ),
    "签名密钥定期轮换：新签发的证照使用新密钥，旧密钥签发的证照仍可验证（公钥保留在 JWKS 中）。": (
        "Rotate the signing key regularly: new licences are signed with the new key, and licences signed with the "
        "old one still verify (its public key stays in the JWKS)."
    ),
    "立即轮换签名密钥": "Rotate the signing key now",
}
