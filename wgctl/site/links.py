"""Where each page lives in the site, so every page links the same way (relative, no server)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wgctl.confidentiality.audience import View
from wgctl.models import Group, Initiative, Meeting, Organisation

# Record kinds that have a page of their own, and the folder it lives in.
FOLDERS: dict[type, str] = {
    Group: "groups",
    Initiative: "initiatives",
    Meeting: "meetings",
    Organisation: "organisations",
}


@dataclass(frozen=True)
class Page:
    """One HTML page: its path under the site root, its template and its data."""

    path: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)

    @property
    def root(self) -> str:
        """The relative way back to the site root from this page ("", "../", "../../")."""
        return "../" * self.path.count("/")


def link(view: View, ref: str | None) -> str:
    """The site path of the record `ref` when it has a page this audience may see, else ""."""
    if ref is None or not view.visible(ref):
        return ""
    for model, folder in FOLDERS.items():
        if view.records.get(model, ref) is not None:
            return f"{folder}/{ref}.html"
    return ""


def named(view: View, ref: str | None) -> dict[str, str]:
    """A reference as template data: how it is named, and its page when it has one."""
    return {"name": view.label(ref), "href": link(view, ref)}
