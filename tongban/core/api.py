"""API endpoints of ``core``."""

from ninja import Router

router = Router(tags=["core"])
