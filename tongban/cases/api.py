"""API endpoints of ``cases``."""

from ninja import Router

router = Router(tags=["cases"])
tasks_router = Router(tags=["tasks"])
public_router = Router(tags=["public"])
