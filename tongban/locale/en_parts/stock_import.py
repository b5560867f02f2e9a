"""English for the stock import of existing licences (存量证照导入, issue 9 §1)."""

EN: dict[str, str | tuple[str, str]] = {
    "上传的文件是空的，请选择填好数据的导入文件。": "The uploaded file is empty. Choose an import file with data in it.",
    "文件中只有表头，没有数据行，请在表头下方逐行填写证照数据。": (
        "The file has a header but no data rows. Enter one licence per row below the header."
    ),
    "文件太大，导入文件不能超过 %(mb)s MB，请拆分为多个文件分次导入。": (
        "The file is too large: an import file may be at most %(mb)s MB. Split it into several files."
    ),
    "文件的数据行太多，一个文件最多 %(limit)s 行，请拆分为多个文件分次导入。": (
        "The file has too many rows: at most %(limit)s per file. Split it into several files."
    ),
    "不支持该文件类型，请上传 CSV（.csv）或 Excel（.xlsx）文件，且扩展名与文件内容一致。": (
        "This file type is not supported. Upload a CSV (.csv) or Excel (.xlsx) file whose extension matches its "
        "content."
    ),
    "文件无法读取，可能已损坏，请重新导出后上传。": "The file cannot be read and may be damaged. Export it again and upload it.",
    "文件的表头有误。": "The header row of the file is wrong.",
    "文件缺少必需的列：%(columns)s。请使用导入模板，第一行为表头。": (
        "The file lacks required columns: %(columns)s. Use the import template; the first row is the header."
    ),
    "请选择要导入的 CSV 或 XLSX 文件。": "Choose a CSV or XLSX file to import.",
    "导入尚未完成，完成后才能下载未导入的数据行。": (
        "The import is not finished yet; the rejected rows can be downloaded once it is."
    ),
    "不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV（UTF-8）后重新上传。": (
        "Old Excel files (.xls) are not supported. Save the file as .xlsx or CSV (UTF-8) in Excel and upload it "
        "again."
    ),
    "第%(line)s行的内容超出了表头的列数，请检查是否多了分隔符或漏了表头。": (
        "Row %(line)s has more cells than the header has columns. Check for an extra separator or a missing "
        "header."
    ),
    "表头第%(n)s列为空，请为每一列填写列名（或删除该列）。": (
        "Column %(n)s of the header is empty. Name every column (or delete it)."
    ),
    "表头中“%(name)s”出现了不止一次，请删除重复的列。": (
        "“%(name)s” appears more than once in the header. Delete the repeated column."
    ),
    "CSV 文件格式有误（%(detail)s），请检查引号是否成对。": (
        "The CSV file is malformed (%(detail)s). Check that quotes come in pairs."
    ),
    "无法识别 CSV 文件的文字编码，请另存为 UTF-8 或 GB18030 编码后重新上传。": (
        "The text encoding of the CSV file is not recognised. Save it as UTF-8 or GB18030 and upload it again."
    ),
    "导入过程中出现系统错误（%(kind)s），已导入的数据保留，可稍后继续导入。": (
        "A system error stopped the import (%(kind)s). The rows imported so far are kept; you can continue later."
    ),
    "已定义的证照类型代码（定义机构统一社会信用代码+3位数字，共21位）": (
        "A defined licence type code (the defining agency's credit code plus 3 digits, 21 characters)"
    ),
    "证照编号（流水号），数字和大写英文字母，不超过32位": (
        "Licence number (serial): digits and capital letters, at most 32"
    ),
    "持证人姓名或持证单位名称": "Name of the holder (person or organisation)",
    "自然人填18位公民身份号码，法人填18位统一社会信用代码（均校验校验位）": (
        "A person's 18-character ID number or an organisation's 18-character credit code (check characters "
        "verified)"
    ),
    "颁发机构（本平台已登记部门）的18位统一社会信用代码": (
        "The 18-character credit code of the issuing department (registered on the platform)"
    ),
    "YYYY-MM-DD 或 YYYYMMDD，也可为 Excel 日期": "YYYY-MM-DD or YYYYMMDD, or an Excel date",
    "不填则与颁发日期相同": "Empty means the issue date",
    "不填或填“长期”表示长期有效": "Empty or “长期” means no expiry",
    "三位数字，不填为 001": "Three digits; empty means 001",
    "证照数据": "Licences",
    "填写说明": "How to fill in",
    "列名": "Column",
    "是否必填": "Required",
    "说明": "Description",
    "必填": "Required",
    "选填": "Optional",
    "按证照类型要求": "As the licence type requires",
    "照面信息": "Licence face",
    "未导入的数据行": "Rows not imported",
    "导入文件（CSV 或 XLSX）": "Import file (CSV or XLSX)",
    "没有未导入的数据行。": "No rows were rejected.",
    "证照类型代码未填写": "Licence type code is missing",
    "证照类型代码“%(code)s”不存在，请先定义该证照类型": (
        "Licence type code “%(code)s” does not exist; define the licence type first"
    ),
    "证照编号未填写": "Licence number is missing",
    "证照编号只能由数字和英文字母组成，不超过32位": "Licence number may only contain digits and letters, at most 32",
    "版本号应为001至999的三位数字": "Version must be three digits from 001 to 999",
    "持证主体名称未填写": "Holder name is missing",
    "持证主体名称不能超过%(n)s个字": "Holder name may be at most %(n)s characters",
    "持证主体代码未填写": "Holder code is missing",
    "持证主体代码（公民身份号码）：%(problem)s": "Holder code (ID number): %(problem)s",
    "持证主体代码（统一社会信用代码）：%(problem)s": "Holder code (credit code): %(problem)s",
    "颁发机构代码未填写": "Issuer code is missing",
    "颁发机构代码：%(problem)s": "Issuer code: %(problem)s",
    "颁发机构代码“%(code)s”不是本平台已登记的部门": "Issuer code “%(code)s” is not a department registered on the platform",
    "颁发日期晚于今天": "Issue date is after today",
    "有效期截止早于有效期起始": "Validity end is before validity start",
    "%(column)s未填写": "%(column)s is missing",
    "%(column)s“%(value)s”不是有效日期（应为YYYY-MM-DD或YYYYMMDD）": (
        "%(column)s “%(value)s” is not a valid date (use YYYY-MM-DD or YYYYMMDD)"
    ),
    "照面项“%(title)s”%(problem)s": "Face field “%(title)s”: %(problem)s",
    "照面项“%(title)s”不是有效的公民身份号码": "Face field “%(title)s” is not a valid ID number",
    "照面项“%(title)s”不是有效的统一社会信用代码": "Face field “%(title)s” is not a valid credit code",
    "应填写“是”或“否”": "must be “是” (yes) or “否” (no)",
    "应为整数": "must be a whole number",
    "应为数字": "must be a number",
    "不是有效日期（应为YYYY-MM-DD或YYYYMMDD）": "is not a valid date (use YYYY-MM-DD or YYYYMMDD)",
    "照面信息缺少必填项%(titles)s": "The licence face lacks required fields %(titles)s",
    "照面项“%(title)s”": "Face field “%(title)s” ",
    "不能超过%(n)s个字": "may be at most %(n)s characters",
    "至少应有%(n)s个字": "needs at least %(n)s characters",
    "格式不正确": "has the wrong format",
    "应为以下之一：%(options)s": "must be one of: %(options)s",
    "不能小于%(n)s": "may not be less than %(n)s",
    "不能大于%(n)s": "may not be more than %(n)s",
    "格式不正确（应为%(format)s）": "has the wrong format (expected %(format)s)",
    "的类型不正确": "has the wrong type",
    "不符合证照类型“%(name)s”的照面要求": "does not meet the face requirements of licence type “%(name)s”",
    "上传存量证照文件": "Stock licence file uploaded",
    "存量证照导入完成": "Stock licence import finished",
    "处理进度": "Progress",
    "已导入": "Imported",
    "重复（已存在，未重复导入）": "Duplicates (already present, not imported again)",
    "未通过校验": "Rejected",
    "导入中断：": "Import stopped: ",
    "从中断处继续导入": "Continue from where it stopped",
    "已处理 %(processed)s / %(total)s 行（%(percent)s%%）": "%(processed)s of %(total)s rows processed (%(percent)s%%)",
    "导入完成，新增电子证照 %(n)s 本。": "Import finished: %(n)s new electronic licences.",
    "下载未通过校验的 %(n)s 行（XLSX，含原因）": "Download the %(n)s rejected rows (XLSX, with reasons)",
    "导入进度": "Import progress",
    "存量证照导入": "Stock licence import",
    "返回导入记录": "Back to the imports",
    "文件：%(name)s（%(when)s 上传）": "File: %(name)s (uploaded %(when)s)",
    "上传导入文件": "Upload an import file",
    "上传并开始导入": "Upload and start the import",
    "文件格式": "File format",
    "导入文件的固定列": "Fixed columns of the import file",
    "下载导入模板（可选证照类型，模板将包含其照面信息列）": (
        "Download the import template (choose a licence type to include its face columns)"
    ),
    "仅固定列": "Fixed columns only",
    "下载模板（XLSX）": "Download template (XLSX)",
    "导入记录": "Imports",
    "上传时间": "Uploaded",
    "总行数": "Rows",
    "重复": "Duplicates",
    "未通过": "Rejected",
    "还没有导入记录。": "No imports yet.",
    "将已颁发的纸质或旧系统证照批量转为电子证照。上传 CSV 或 XLSX 文件后在后台逐行校验并导入，可随时查看进度；未通过校验的数据行可下载，修改后重新上传。同一文件重复导入不会产生重复证照。": (
        "Convert licences issued on paper or in older systems into electronic licences in bulk. After you upload "
        "a CSV or XLSX file, every row is checked and imported in the background and you can follow the progress; "
        "rejected rows can be downloaded, corrected and uploaded again. Importing the same file twice creates no "
        "duplicates."
    ),
    "CSV 文件请使用 UTF-8 或 GB18030 编码；文件不超过 %(mb)s MB，最多 %(rows)s 行。第一行为表头。": (
        "CSV files in UTF-8 or GB18030; at most %(mb)s MB and %(rows)s rows. The first row is the header."
    ),
    "每行一本证照。固定列如下，其后每个照面信息项一列，列名为该证照类型照面项的名称（或字段名）。日期可写作 YYYY-MM-DD、YYYYMMDD，或使用 Excel 日期。": (
        "One licence per row: the fixed columns below, then one column per face field, named by the field's "
        "title (or key) in the licence type. Dates as YYYY-MM-DD, YYYYMMDD, or Excel dates."
    ),
}
