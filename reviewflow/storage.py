"""Static files in production: whitenoise's compressed, hashed-name storage, tolerant of third-party CSS that
references files its package does not ship (viewflow's bundled fonts)."""

from __future__ import annotations

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    manifest_strict = False  # a name missing from the manifest is served unhashed rather than a 500

    def hashed_name(self, name, content=None, filename=None):
        try:
            return super().hashed_name(name, content, filename)
        except ValueError:  # a url() to a file that is not there: leave the reference as it was written
            return name
