"""English for the working-day calendar: provisional years, entering a State Council holiday notice (issue 6)."""

from __future__ import annotations

EN: dict[str, str | tuple[str, str]] = {
    # tongban/core/calendar.py
    "只能计算%(min)s年至%(max)s年之间的工作日，%(day)s不在此范围内。": (
        "Working days can only be computed from %(min)s to %(max)s; %(day)s is outside that range."
    ),
    "年份须在%(min)s年至%(max)s年之间，%(year)s不在此范围内。": (
        "The year must be between %(min)s and %(max)s; %(year)s is not."
    ),
    "《全国年节及纪念日放假办法》规定的法定节日（暂定，调休上班日未知）": (
        "Statutory holidays of the National Holidays Regulation (provisional; adjusted workdays not yet known)"
    ),
    "尚未录入%(year)s年（本年度）的放假通知，本年度的工作日暂按法定节日计算，调休上班日未计入。"
    "请系统管理员尽快录入国务院办公厅的放假通知。": (
        "The holiday notice for %(year)s (this year) has not been entered: working days this year are counted "
        "with the statutory holidays only, without adjusted workdays. System administrators, please enter the "
        "State Council notice as soon as possible."
    ),
    "尚未录入%(year)s年的放假通知：跨入%(year)s年的期限暂按法定节日计算（调休上班日未知），"
    "录入通知后将自动重新计算。国务院办公厅通知发布后请系统管理员及时录入。": (
        "The holiday notice for %(year)s has not been entered: deadlines reaching into %(year)s are counted with "
        "the statutory holidays only (adjusted workdays unknown) and will be recomputed once it is entered. "
        "System administrators, please enter the State Council notice when it is published."
    ),
    # tongban/core/errors.py
    "只能计算2000年至2100年之间的工作日。": "Working days can only be computed from 2000 to 2100.",
    "年份须在2000年至2100年之间。": "The year must be between 2000 and 2100.",
    "通知中没有找到任何放假安排（如“一、元旦：1月1日放假……”）。": (
        "No holiday arrangement was found in the notice (such as “一、元旦：1月1日放假……”)."
    ),
    "通知中有一行无法识别。": "A line of the notice could not be read.",
    "通知中有不存在的日期。": "The notice contains a date that does not exist.",
    "同一天在通知中既是放假日又是上班日。": "The notice lists the same day both as a day off and as a workday.",
    "无法从通知中看出年份，请填写年份，或连同标题（“国务院办公厅关于××××年部分节假日安排的通知”）一并粘贴。": (
        "The year cannot be told from the notice: fill in the year, or paste the notice with its title "
        "(“国务院办公厅关于××××年部分节假日安排的通知”)."
    ),
    "填写的年份与通知标题中的年份不一致。": "The year you entered differs from the year in the notice's title.",
    # tongban/core/calendar_notice.py
    "%(festival)s调休上班": "%(festival)s: adjusted workday",
    "第%(line)s行无法识别：“%(part)s”。整行为：%(text)s": (
        "Line %(line)s could not be read: “%(part)s”. The whole line: %(text)s"
    ),
    "第%(line)s行的日期“%(part)s”不存在。整行为：%(text)s": (
        "Line %(line)s: the date in “%(part)s” does not exist. The whole line: %(text)s"
    ),
    "第%(line)s行：%(day)s是星期%(actual)s，通知写的是“%(written)s”。": (
        "Line %(line)s: %(day)s is a 星期%(actual)s, but the notice says “%(written)s”."
    ),
    "第%(line)s行：结束日期早于开始日期。整行为：%(text)s": (
        "Line %(line)s: the last day is before the first day. The whole line: %(text)s"
    ),
    "第%(line)s行：%(first)s至%(last)s是%(actual)s天，通知写的是“共%(stated)s天”。": (
        "Line %(line)s: %(first)s to %(last)s is %(actual)s days, but the notice says “共%(stated)s天”."
    ),
    "填写的年份是%(given)s年，通知标题中是%(found)s年。": (
        "You entered the year %(given)s; the notice's title says %(found)s."
    ),
    "第%(line)s行：%(day)s既被列为放假日（第%(other)s行），又被列为上班日。": (
        "Line %(line)s: %(day)s is listed as a day off (line %(other)s) and also as a workday."
    ),
    "第%(line)s行：%(day)s在第%(other)s行也已列为放假日。": (
        "Line %(line)s: %(day)s is also listed as a day off on line %(other)s."
    ),
    "第%(line)s行：上班日%(day)s是星期%(weekday)s，本来就是工作日，通常只在周末调休上班。": (
        "Line %(line)s: the workday %(day)s is a 星期%(weekday)s, already a working day; adjusted workdays are "
        "normally weekend days."
    ),
    "第%(line)s行：%(day)s（星期%(weekday)s）放假，但它既不是法定节日，也不与法定节日相连。": (
        "Line %(line)s: %(day)s (星期%(weekday)s) is a day off but is neither a statutory holiday nor joined to one."
    ),
    "法定节日%(name)s（%(day)s，星期%(weekday)s）在通知中没有放假。": (
        "The statutory holiday %(name)s (%(day)s, 星期%(weekday)s) is not a day off in the notice."
    ),
    "第%(line)s行：%(day)s属于%(other)s年，将随本通知一并录入。": (
        "Line %(line)s: %(day)s belongs to %(other)s and will be entered with this notice."
    ),
    "按法定节日（含周末节日的补假）应在工作日放假%(entitled)s天，通知只在工作日放假%(off)s天。": (
        "The statutory holidays (with make-up days for those on a weekend) give %(entitled)s weekdays off; the "
        "notice gives only %(off)s."
    ),
    "通知比法定节日（含周末节日的补假）多在工作日放假%(extra)s天，通常由同样天数的周末上班补回，"
    "但通知中的调休上班日有%(workdays)s天。": (
        "The notice gives %(extra)s weekdays off beyond the statutory holidays (with their make-up days), which "
        "are normally paid back by as many weekend workdays, but it lists %(workdays)s adjusted workdays."
    ),
    "法定：%(name)s": "Statutory: %(name)s",
    # tongban/core/forms.py
    "通知全文": "Full text of the notice",
    "从中国政府网复制《国务院办公厅关于××××年部分节假日安排的通知》全文粘贴于此（含标题更好）。"
    "保存前会先显示识别结果供核对。": (
        "Copy the whole State Council notice on the year's holidays from www.gov.cn and paste it here (with its "
        "title, preferably). What was read is shown for checking before anything is saved."
    ),
    "可不填：通知标题中含有年份时自动识别。": "Optional: taken from the notice's title when it is included.",
    "通知名称、文号或网址；不填则使用通知标题。": "Name, document number or web address of the notice; the title when left empty.",
    # tongban/core/models.py
    "通知年度": "Notice year",
    "通知原文": "Notice text",
    "录入人": "Entered by",
    "录入时间": "Entered at",
    # tongban/core/admin.py and its templates
    "已录入%(year)s年的放假安排；重新计算了%(count)s个期限。": (
        "The holidays of %(year)s have been entered; %(count)s deadlines were recomputed."
    ),
    "录入放假通知": "Enter the holiday notice",
    "只有已录入放假通知的年度在此列出。其他年度为“暂定”：工作日暂按《全国年节及纪念日放假办法》规定的法定节日"
    "（含周末节日的补假）计算，调休上班日未知；录入通知后，涉及该年度的未结期限会自动重新计算。": (
        "Only years whose holiday notice has been entered are listed here. Every other year is provisional: "
        "working days follow the statutory holidays of the National Holidays Regulation (with make-up days for "
        "those on a weekend) and the adjusted workdays are unknown; once the notice is entered, open deadlines "
        "touching that year are recomputed."
    ),
    "识别结果：%(year)s年放假安排（尚未保存）": "As read: the holidays of %(year)s (not saved yet)",
    "%(year)s年目前为暂定年度（仅按法定节日计算）。确认后将按本通知计算，涉及该年度的未结期限将重新计算。": (
        "%(year)s is provisional now (statutory holidays only). Once confirmed it follows this notice, and open "
        "deadlines touching it are recomputed."
    ),
    "%(year)s年已录入过放假通知。确认后将以本通知替换，涉及该年度的未结期限将重新计算。": (
        "A notice for %(year)s has been entered before. Once confirmed this notice replaces it, and open "
        "deadlines touching the year are recomputed."
    ),
    "需要核对的地方": "Things to check",
    "没有发现异常：放假日均为法定节日或与之相连，调休上班日均为周末，天数与“共×天”一致。": (
        "Nothing odd: every day off is a statutory holiday or joined to one, every adjusted workday is a weekend "
        "day, and the day counts agree with “共×天”."
    ),
    "逐项识别": "Item by item",
    "行": "Line",
    "节日": "Festival",
    "放假": "Days off",
    "天数": "Days",
    "调休上班": "Adjusted workdays",
    "通知：共%(count)s天": "notice: %(count)s days",
    "全年日历": "The whole year",
    "休 = 通知放假": "休 = day off in the notice",
    "班 = 调休上班": "班 = adjusted workday",
    "法 = 法定节日": "法 = statutory holiday",
    "补 = 法定补假": "补 = statutory make-up day",
    "%(year)s年%(month)s月": "%(month)s/%(year)s",
    "休": "休",
    "班": "班",
    "法": "法",
    "补": "补",
    "法定节日对照": "Statutory holidays compared",
    "法定节日（含补假）": "Statutory holiday (with make-up days)",
    "通知中": "In the notice",
    "未放（由调休安排代替）": "not off (replaced by the adjusted arrangement)",
    "上班": "working day",
    "与当前日历相比": "Compared with the current calendar",
    "由休息日改为工作日": "becomes a working day",
    "由工作日改为休息日": "becomes a day off",
    "工作日没有变化。": "No working day changes.",
    "未作为放假安排识别的行": "Lines not read as arrangements",
    "第%(line)s行": "Line %(line)s",
    "确认录入%(year)s年放假安排": "Confirm and enter the holidays of %(year)s",
    "返回修改": "Back to editing",
    "粘贴国务院办公厅放假通知的全文，先预览识别结果（全年日历、法定节日对照和需要核对的地方），确认后才会保存。"
    "保存后，该年度不再是暂定年度，涉及该年度的未结期限会重新计算并记入账本。": (
        "Paste the whole State Council holiday notice and preview what was read (the whole year, the statutory "
        "holidays beside it, and the things to check); nothing is saved until you confirm. Once saved the year is "
        "no longer provisional, and open deadlines touching it are recomputed and recorded in the ledger."
    ),
    "预览识别结果": "Preview",
    "粘贴的内容": "What you pasted",
}
