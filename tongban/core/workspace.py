"""The tools on the staff 工作台: each app registers the pages its roles work in (dependency inversion).

``register_workspace_tool(role, url_name, label)`` from an app's ``AppConfig.ready()``; the accounts app's
工作台 shows, for the roles a staff member holds, the tools registered for them by their ``order`` (a URL name
shared by two roles appears once). ``core`` knows roles only as strings, so it imports no app.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class WorkspaceTool:
    role: str
    url_name: str
    label: Any  # a lazy translation
    order: int = 50


_tools: list[WorkspaceTool] = []


def register_workspace_tool(role: str, url_name: str, label: Any, *, order: int = 50) -> None:
    """Offer the page ``url_name`` to holders of ``role`` (lower ``order`` first); registering the same pair twice
    has no effect."""
    tool = WorkspaceTool(str(role), url_name, label, order)
    if all((t.role, t.url_name) != (tool.role, tool.url_name) for t in _tools):
        _tools.append(tool)


def workspace_tools() -> list[WorkspaceTool]:
    """Every registered tool, by ``order`` and then in registration order."""
    return sorted(_tools, key=lambda tool: tool.order)
