"""API tokens (django-rest-knox): hashed at rest, one per login, expiring, revoked on logout and password change."""

from __future__ import annotations

import re
from hmac import compare_digest

from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _
from knox.auth import TokenAuthentication
from knox.crypto import hash_token
from knox.models import AuthToken
from knox.settings import CONSTANTS, knox_settings
from rest_framework import exceptions

from .models import User
from .prepared import Prepared

# knox issues 64 hexadecimal characters; anything else cannot be a token and never reaches the database.
TOKEN_SHAPE = re.compile(rb"[0-9a-f]{64}")


def issue_token(user: User) -> tuple[AuthToken, str]:
    """A fresh token for `user` (its clear text is returned once, only its digest is stored)."""
    AuthToken.objects.filter(user=user, expiry__lt=timezone.now()).delete()
    return AuthToken.objects.create(user=user)


def revoke_all(user: User) -> int:
    deleted, _kinds = AuthToken.objects.filter(user=user).delete()
    return deleted


# The token rows whose key starts the presented token, with their users: a statement of every API request,
# compiled once per process (reviewflow.prepared). The placeholder key is never sent.
_TOKENS_WITH_KEY = Prepared(
    lambda key: AuthToken.objects.filter(token_key=key).select_related("user"), key="\x00placeholder"
)


class ApiTokenAuthentication(TokenAuthentication):
    """knox's `Authorization: Token …`: malformed tokens are refused before any query; one token row per request,
    read by a statement compiled once; knox's digest comparison, refresh and user check."""

    def authenticate_credentials(self, token: bytes):
        if not TOKEN_SHAPE.fullmatch(token):
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        text = token.decode("ascii")
        digest = hash_token(text)
        for auth_token in _TOKENS_WITH_KEY.fetch(key=text[: CONSTANTS.TOKEN_KEY_LENGTH]):
            if self._cleanup_token(auth_token):
                continue
            if compare_digest(digest, auth_token.digest):
                if knox_settings.AUTO_REFRESH and auth_token.expiry:
                    self.renew_token(auth_token)
                return self.validate_user(auth_token)
        raise exceptions.AuthenticationFailed(_("Invalid token."))

    def _cleanup_token(self, auth_token: AuthToken) -> bool:
        # Only the presented token is checked; others expire on their own and are purged at the next login.
        if auth_token.expiry is not None and auth_token.expiry < timezone.now():
            auth_token.delete()
            return True
        return False


@receiver(pre_save, sender=User, dispatch_uid="reviewflow.tokens.password_change")
def _revoke_on_password_change(sender, instance: User, update_fields=None, **_kwargs) -> None:
    """A new password ends every API token issued under the old one."""
    if instance.pk is None or (update_fields is not None and "password" not in update_fields):
        return
    old = User.objects.filter(pk=instance.pk).values_list("password", flat=True).first()
    if old is not None and old != instance.password:
        revoke_all(instance)
