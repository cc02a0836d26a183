"""What the public sees of a published item: signers by display name and role; comments only if the unit says so."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .models import Draft, Step
from .review_form import public_name


@dataclass(frozen=True)
class PublicSigner:
    role: str
    step: str
    name: str
    signed_at: datetime
    proofread: bool
    content_hash: str
    comment: str


def public_signers(item: Draft) -> list[PublicSigner]:
    """The signatures that carried the item's publication (`selectors.published_items` puts them on it as
    `live_signatures`), by display name and role; a stand-in shows as “X 代 Y”; no login names."""
    show_comments = item.section.unit.publish_comments
    return [
        PublicSigner(
            role=str(Step(s.step).label),
            step=s.step,
            name=public_name(s.user) + (f" 代 {public_name(s.on_behalf_of)}" if s.on_behalf_of_id else ""),
            signed_at=s.signed_at,
            proofread=s.proofread,
            content_hash=s.content_hash,
            comment=s.comment if show_comments else "",
        )
        for s in item.live_signatures
    ]
