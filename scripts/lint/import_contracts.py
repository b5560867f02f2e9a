"""Tongban's own import-linter contract: apps talk to each other only through their public modules.

ARCHITECTURE §4 and STYLE "Layers": another app calls this app's ``services``, ``queries``, ``access``, ``choices``
and ``errors`` only; ``core`` is the shared base every app may use. The built-in import-linter contracts cannot
say "only through these modules" for every pair of apps, so this contract does, for the apps listed in
``pyproject.toml`` (``[[tool.importlinter.contracts]]`` of type ``app_boundaries``).

Options:
    apps:              the domain apps (``tongban.cases`` …) the rule applies between
    public_modules:    the module names another app may import (``services``, ``queries`` …), with descendants
    shared:            packages every app may import freely (``tongban.core``)
    exempt_importers:  importers the rule does not apply to (tests, migrations, demo loaders)
    extra_allowed:     single extra modules any app may import (documented exceptions)
    assemblers:        packages that assemble other apps' entry points (``tongban.api`` imports every ``<app>.api``)
    entry_modules:     the module names an assembler may import besides the public ones (``api``)
"""

from __future__ import annotations

from grimp import ImportGraph
from importlinter import Contract, ContractCheck, fields, output


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


class AppBoundariesContract(Contract):
    """Imports between two apps must target one of the other app's public modules."""

    type_name = "app_boundaries"

    apps = fields.ListField(subfield=fields.StringField())
    public_modules = fields.ListField(subfield=fields.StringField())
    shared = fields.ListField(subfield=fields.StringField(), required=False)
    exempt_importers = fields.ListField(subfield=fields.StringField(), required=False)
    extra_allowed = fields.ListField(subfield=fields.StringField(), required=False)
    assemblers = fields.ListField(subfield=fields.StringField(), required=False)
    entry_modules = fields.ListField(subfield=fields.StringField(), required=False)

    def _app_of(self, module: str) -> str | None:
        return next((app for app in self.apps if _within(module, app)), None)  # type: ignore[attr-defined]

    def _exempt(self, module: str) -> bool:
        parts = module.split(".")
        return any(part in parts for part in (self.exempt_importers or []))  # type: ignore[attr-defined]

    def _allowed(self, imported: str, imported_app: str, importer_app: str) -> bool:
        if any(_within(imported, extra) for extra in (self.extra_allowed or [])):  # type: ignore[attr-defined]
            return True
        public = list(self.public_modules)  # type: ignore[attr-defined]
        if importer_app in (self.assemblers or []):  # type: ignore[attr-defined]
            public += list(self.entry_modules or [])  # type: ignore[attr-defined]
        return any(_within(imported, f"{imported_app}.{name}") for name in public)

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        shared = list(self.shared or [])  # type: ignore[attr-defined]
        broken: list[dict[str, object]] = []
        for importer in sorted(graph.modules):
            importer_app = self._app_of(importer)
            if importer_app is None or self._exempt(importer):
                continue
            for imported in sorted(graph.find_modules_directly_imported_by(importer)):
                imported_app = self._app_of(imported)
                if imported_app is None or imported_app == importer_app:
                    continue
                if any(_within(imported, package) for package in shared):
                    continue
                if self._allowed(imported, imported_app, importer_app):
                    continue
                details = graph.get_import_details(importer=importer, imported=imported)
                lines = sorted({d["line_number"] for d in details})
                broken.append({"importer": importer, "imported": imported, "lines": lines})
        return ContractCheck(kept=not broken, metadata={"broken": broken})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for item in check.metadata["broken"]:
            lines = ", ".join(str(n) for n in item["lines"])  # type: ignore[attr-defined]
            output.print_error(f"{item['importer']} -> {item['imported']} (l. {lines})", bold=False)
        output.new_line()
        output.print(
            "Call another app only through its services, queries, access, choices or errors "
            "(ARCHITECTURE §4, STYLE 'Layers')."
        )
