"""The records repository's profile: the branding and standing wording of its reports.

Why a file and not constants: the same toolkit serves the Bali Process records and any other
group's (the fictional `examples/` must not read as the Bali Process). `profile.yaml` beside
`records/` names the organisation on every page, the body reports go to, the document numbers
and the standing sentences; without it, reports use neutral wording.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, ValidationError

from wgctl.errors import UserError
from wgctl.files import yamlio
from wgctl.files.pydantic_errors import describe
from wgctl.models.base import Strict

FILE = "profile.yaml"


class Profile(Strict):
    """Branding and standing wording; every field is optional."""

    organisation: str = Field(
        default="", max_length=200, description="On every page header and the cover."
    )
    body: str = Field(
        default="",
        max_length=200,
        description="The body progress reports go to and whose SOMs they follow, e.g. 'Ad Hoc Group'.",
    )
    purpose: str = Field(
        default="", max_length=2000, description="The progress report's standing second sentence."
    )
    channel: str = Field(
        default="",
        max_length=200,
        description="Annual reports are addressed through this, e.g. 'the Bali Process Co-Chairs'.",
    )
    document_prefix: str = Field(
        default="",
        max_length=40,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9/._-]*$|^$",
        description="Document numbers start with it, e.g. 'BP-AHG'.",
    )

    def som(self) -> str:
        """How reports name the body's Senior Officials Meeting."""
        return f"{self.body} Senior Officials Meeting" if self.body else "Senior Officials Meeting"


NEUTRAL = Profile()


def load_profile(repo: Path | None) -> Profile:
    """The repository's profile, or the neutral one when it has none; a bad file is refused."""
    path = repo / FILE if repo is not None else None
    if path is None or not path.is_file():
        return NEUTRAL
    try:
        text = yamlio.read_text(path)
        data = yamlio.load_record_text(text)
    except yamlio.YamlError as exc:
        raise UserError(f"{FILE}:{exc.line}: {exc.message} [{exc.rule}]") from None
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        _loc, rule, message, _at_key = describe(exc, Profile)[0]
        raise UserError(f"{FILE}: {message} [{rule}]") from None
