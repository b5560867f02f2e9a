"""English for the operations and request-guard strings (backups, health, worker heartbeat, request guard)."""

EN: dict[str, str | tuple[str, str]] = {
    "不支持该请求内容类型：请以 application/json 提交（上传文件的接口用 multipart/form-data）。": (
        "Unsupported content type: send application/json (endpoints that take files use multipart/form-data)."
    ),
    "主机": "Host",
    "后台任务进程心跳": "Job worker heartbeat",
    "启动时间": "Started at",
    "字段“%(field)s”含有不允许的控制字符（如空字符），请删除后重新提交。": (
        "The field “%(field)s” contains control characters that are not allowed (such as NUL). "
        "Remove them and submit again."
    ),
    "字段“%(field)s”含有无法识别的字符（孤立的代理码位），请检查后重新提交。": (
        "The field “%(field)s” contains a character that cannot be read (a lone surrogate). Check it and submit again."
    ),
    "字段“%(field)s”的数值超出可表示的范围，请填写有限的数字。": (
        "The number in the field “%(field)s” is out of range. Enter a finite number."
    ),
    "提交的内容含有不允许的控制字符（如空字符），请删除后重新提交。": (
        "The submission contains control characters that are not allowed (such as NUL). Remove them and submit again."
    ),
    "提交的字段过多。": "Too many fields were submitted.",
    "数值超出可表示的范围，请填写有限的数字。": "A number is out of range. Enter a finite number.",
    "文件名过长，请改短（不超过 %(limit)s 个字符）后重新上传。": (
        "The file name is too long. Shorten it (to at most %(limit)s characters) and upload again."
    ),
    "最近心跳": "Last heartbeat",
    "请求内容不是合法的 JSON：不接受 NaN 和 Infinity。": "The request body is not valid JSON: NaN and Infinity are not accepted.",
    "请求内容嵌套层级过深。": "The request body is nested too deeply.",
    "请求内容无法解析：不是合法的 JSON（须为 UTF-8 编码）。": (
        "The request body could not be read: it is not valid JSON (it must be UTF-8 encoded)."
    ),
    "请求内容过大，请减少内容或分次提交。": "The request is too large. Send less, or send it in several parts.",
    "请求地址过长。": "The request address is too long.",
    "请求头过大或过多。": "The request headers are too large or too many.",
    "进程号": "Process ID",
    "进程标识": "Worker ID",
}
