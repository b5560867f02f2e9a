"""English for the accounts, login and security strings (identity levels, codes, lockout, password reset)."""

from __future__ import annotations

EN: dict[str, str | tuple[str, str]] = {
    "未核验": "Not verified",
    "实名核验": "Real-name verified",
    "窗口核验": "Verified at a window",
    "找回密码": "Reset password",
    "登录失败次数过多，已暂停从此处登录该账号，请稍后再试或使用“找回密码”。": (
        "Too many failed sign-ins: signing in to this account from here is paused. Try again later or use "
        "“Reset password”."
    ),
    "该身份证号码已有账号。": "An account already exists for this ID number.",
    "请输入有效的电子邮箱地址。": "Enter a valid e-mail address.",
    "验证码不正确或已失效，请重新获取验证码。": "The code is wrong or no longer valid. Please request a new code.",
    "该身份证号码无法在线完成注册。如果您以前注册过或在窗口办理过业务，请使用“找回密码”；如有疑问，请携带身份证到政务服务窗口办理。": (
        "Registration with this ID number cannot be completed online. If you registered before or have been "
        "served at a window, use “Reset password”; otherwise bring your ID card to a service window."
    ),
    "实名核验未通过：姓名与身份证号码不一致，或人口库中没有该号码。": (
        "Real-name check failed: the name does not match the ID number, or the number is not in the "
        "population registry."
    ),
    "实名核验服务暂时不可用，请稍后再试。": "The real-name check service is unavailable. Please try again later.",
    "无法核验：没有与该身份证号码和姓名相符、并登记了手机号码的账号。": (
        "Cannot verify: no account with this ID number and name and a registered mobile number."
    ),
    "至少 8 位，不能全是数字，不能包含平台名称、城市名称或用户名。": (
        "At least 8 characters, not all digits, and not containing the platform's or the city's name or your "
        "username."
    ),
    "验证码": "Code",
    "6 位数字。": "6 digits.",
    "用户名或居民身份证号码": "Username or resident ID number",
    "验证码发送到": "Send the code to",
    "账号登记的手机": "the account's mobile phone",
    "账号登记的电子邮箱": "the account's e-mail address",
    "新密码": "New password",
    "确认新密码": "Confirm new password",
    "您已长时间未操作，为保护您的信息已自动退出，请重新登录。": (
        "You were signed out after a period of inactivity to protect your information. Please sign in again."
    ),
    "手机号码验证时间": "Mobile number verified at",
    "身份核验等级": "Identity verification level",
    "身份核验时间": "Identity verified at",
    "人口库记录（演示）": "Population registry record (demonstration)",
    "验证标识": "Challenge",
    "用途": "Purpose",
    "发送渠道": "Channel",
    "发送至": "Sent to",
    "验证码摘要": "Code digest",
    "待办数据": "Pending data",
    "错误次数": "Wrong attempts",
    "使用时间": "Used at",
    "一次性验证码": "One-time code",
    "密码太短，至少需要 %(min_length)d 个字符。": (
        "This password is too short. It must contain at least %(min_length)d characters."
    ),
    "密码至少需要 %(min_length)d 个字符。": "Your password must contain at least %(min_length)d characters.",
    "密码与用户名、姓名或其他个人信息太相近。": (
        "The password is too similar to your username, name or other personal information."
    ),
    "密码不能与您的个人信息太相近。": "Your password can’t be too similar to your personal information.",
    "这个密码太常见了。": "This password is too common.",
    "密码不能是常见密码。": "Your password can’t be a commonly used password.",
    "密码不能全是数字。": "Your password can’t be entirely numeric.",
    "密码不能包含平台名称、城市名称、用户名等容易被猜到的词（如 tongban、通办、kaifeng、开封）。": (
        "The password must not contain easily guessed words such as the platform's or the city's name or your "
        "username (e.g. tongban, 通办, kaifeng, 开封)."
    ),
    "密码不能包含平台名称、城市名称或用户名。": (
        "Your password can’t contain the platform's or the city's name or your username."
    ),
    "有人尝试用您的身份证号码注册账号": "Someone tried to register an account with your ID number",
    "有人尝试用您的身份证号码注册通办账号，未能成功。如果是您本人，请直接登录或使用“找回密码”；如果不是，您无需处理，您的账号不受影响。": (
        "Someone tried to register a Tongban account with your ID number and did not succeed. If it was you, "
        "sign in or use “Reset password”; if not, you need do nothing: your account is not affected."
    ),
    "您的通办账号密码已重置": "Your Tongban password has been reset",
    "您的账号密码刚刚通过验证码重置。如果不是您本人操作，请立即到政务服务窗口或拨打 12345 求助。": (
        "Your password was just reset with a one-time code. If this was not you, go to a service window or call "
        "12345 at once."
    ),
    "忘记密码？找回密码": "Forgot your password? Reset it",
    "请输入用户名或居民身份证号码。如果信息与账号相符，我们会向账号登记的手机或电子邮箱发送验证码。": (
        "Enter your username or resident ID number. If it matches an account, we send a code to the account's "
        "mobile phone or e-mail address."
    ),
    "发送验证码": "Send code",
    "设置新密码": "Set a new password",
    "如果信息与账号相符，验证码已通过%(channel)s发送，10 分钟内有效。": (
        "If the details match an account, a code was sent by %(channel)s. It is valid for 10 minutes."
    ),
    "重置密码": "Reset password",
    "身份核验": "Identity verification",
    "完成实名核验后，您在政务服务窗口办理的事项才会出现在“我的办件”中。也可以携带身份证到任一窗口当场核验。": (
        "Matters you handle at a service window appear under “My cases” only after your identity is verified. "
        "You can also have it verified at any window with your ID card."
    ),
    "在线实名核验": "Verify my real name online",
    "请使用本人真实身份信息注册。身份证号码和手机号码只在办事时使用，页面上均做脱敏显示。提交后我们会向您填写的手机号码发送验证码。": (
        "Register with your own real identity. Your ID and mobile numbers are used only for your applications "
        "and are always shown masked. After you submit, we send a code to the mobile number you entered."
    ),
    "获取验证码": "Get a code",
    "输入验证码完成注册": "Enter the code to finish registering",
    "验证码已发送至 %(sent_to)s，10 分钟内有效。": "A code was sent to %(sent_to)s. It is valid for 10 minutes.",
    "完成注册": "Finish registration",
    "窗口核验账号": "Verify an account at the window",
    "核对办事人的居民身份证原件后，输入证件上的号码和姓名。系统会向该账号登记的手机发送验证码，请办事人当面告诉您验证码。": (
        "After checking the person's original ID card, enter the number and name on it. A code is sent to the "
        "account's registered mobile phone; the person tells you the code in person."
    ),
    "输入办事人收到的验证码": "Enter the code the person received",
    "验证码已发送至该账号登记的手机 %(sent_to)s。": "A code was sent to the account's mobile phone %(sent_to)s.",
    "确认核验": "Confirm verification",
    "密码已重置，请用新密码登录。": "Your password has been reset. Sign in with the new password.",
    "实名核验通过。": "Real-name check passed.",
    "已完成窗口核验：%(name)s 的账号现为“窗口核验”。": (
        "Window verification done: %(name)s's account is now “Verified at a window”."
    ),
    "操作过于频繁，请稍后再试。": "Too many requests. Please try again later.",
    "居民身份证号码的前6位应为行政区划代码（GB/T 2260），请核对后重新输入。": (
        "The first 6 digits of a resident ID number must be a GB/T 2260 region code. Please check and re-enter."
    ),
}
