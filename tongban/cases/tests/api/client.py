"""A client of ``/api/v1`` for the API tests: one user's bearer token (or none), JSON bodies, multipart uploads."""

from __future__ import annotations

from typing import Any

from django.test import Client

from tongban.accounts.services import do_issue_api_token


class Api:
    """Calls ``/api/v1`` as one user with a bearer token (or anonymously)."""

    def __init__(self, user: Any = None) -> None:
        self.client = Client()
        self.headers: dict[str, str] = {}
        if user is not None:
            raw, _token = do_issue_api_token(user)
            self.headers["HTTP_AUTHORIZATION"] = f"Bearer {raw}"

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(f"/api/v1{path}", params, **self.headers)

    def post(self, path: str, body: Any = None, **extra: Any) -> Any:
        return self.client.post(
            f"/api/v1{path}",
            {} if body is None else body,
            content_type="application/json",
            **self.headers,
            **extra,
        )

    def raw(
        self, method: str, path: str, data: str, content_type: str = "application/json", **extra: Any
    ) -> Any:
        call = getattr(self.client, method)
        return call(f"/api/v1{path}", data, content_type=content_type, **self.headers, **extra)

    def patch(self, path: str, body: Any) -> Any:
        return self.client.patch(f"/api/v1{path}", body, content_type="application/json", **self.headers)

    def delete(self, path: str) -> Any:
        return self.client.delete(f"/api/v1{path}", **self.headers)

    def upload(self, path: str, data: dict[str, Any]) -> Any:
        return self.client.post(f"/api/v1{path}", data, **self.headers)
