"""Every cases operation documents its error responses and what an integrator needs to chain the calls."""

from __future__ import annotations

from typing import Any

import pytest

from tongban.api.routes import api


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return api.get_openapi_schema()


def _cases_operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, operation)
        for path, item in document["paths"].items()
        if path.startswith(("/api/v1/cases", "/api/v1/tasks"))
        for method, operation in item.items()
    ]


def test_every_cases_operation_documents_its_errors_with_the_error_shape(document: dict[str, Any]) -> None:
    for method, path, operation in _cases_operations(document):
        statuses = set(operation["responses"])
        assert {"400", "401", "403", "404", "409", "413", "415", "422", "429"} <= statuses, (method, path)
        for status in statuses - {"200", "201", "204"}:
            schema = operation["responses"][status]["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/ErrorSchema"}, (method, path, status)


def test_downloads_are_documented_as_files(document: dict[str, Any]) -> None:
    paths = document["paths"]
    material = paths["/api/v1/cases/{ref}/materials/{material_id}/file"]["get"]["responses"]["200"]["content"]
    assert "application/pdf" in material and "image/jpeg" in material
    notice = paths["/api/v1/cases/{ref}/notices/{notice_id}/pdf"]["get"]["responses"]["200"]["content"]
    assert list(notice) == ["application/pdf"]


def test_the_create_response_links_to_the_next_calls(document: dict[str, Any]) -> None:
    links = document["paths"]["/api/v1/cases"]["post"]["responses"]["201"]["links"]
    assert {"upload_material", "submit_case", "get_case"} <= set(links)
    assert links["submit_case"]["parameters"] == {"ref": "$response.body#/ref"}
    operation_ids = {op["operationId"] for _m, _p, op in _cases_operations(document)}
    for method, path, operation in _cases_operations(document):
        for status, response in operation["responses"].items():
            for link in response.get("links", {}).values():
                assert link["operationId"] in operation_ids, (method, path, status, link)
    headers = [p for p in document["paths"]["/api/v1/cases"]["post"]["parameters"] if p["in"] == "header"]
    assert [p["name"] for p in headers] == ["Idempotency-Key"]
