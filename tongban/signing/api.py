"""API of the `signing` app."""

from ninja import Router

router = Router(tags=["signing"])
