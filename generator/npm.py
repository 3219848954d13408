"""Browser code from the npm registry: one pinned tarball, checked, cached, read from.

The site serves the JavaScript it needs from itself (no CDN), so a build fetches
the package tarball once from the npm registry (or the mirror `npm_config_registry`
names), refuses it unless it matches the pinned `dist.integrity`, and keeps it in
build/cache for every later build.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import tarfile
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.errors import BuildError

DEFAULT_REGISTRY = "https://registry.npmjs.org"


@dataclass(frozen=True)
class NpmPackage:
    """A package version and the integrity its registry publishes for the tarball."""

    name: str
    version: str
    integrity: str
    """The npm `dist.integrity` (`sha512-<base64>`); a tarball that differs is refused."""

    @property
    def tarball_name(self) -> str:
        return f"{self.name.rsplit('/', 1)[-1]}-{self.version}.tgz"

    def tarball(self, cache: Path) -> Path:
        """Return the cached tarball, downloading and checking it first if needed."""
        path = cache / self.tarball_name
        if not path.is_file() or not self.intact(path.read_bytes()):
            data = self._download()
            cache.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        return path

    def members(self, cache: Path, prefix: str) -> Iterator[tuple[str, bytes]]:
        """Yield (path below `prefix`, content) of every file of the tarball under `prefix`."""
        tarball = self.tarball(cache)
        with tarfile.open(fileobj=io.BytesIO(tarball.read_bytes()), mode="r:gz") as archive:
            for member in archive.getmembers():
                if member.isfile() and member.name.startswith(prefix):
                    handle = archive.extractfile(member)
                    if handle is not None:
                        yield member.name[len(prefix):], handle.read()

    def member(self, cache: Path, name: str) -> bytes:
        """Return one file of the tarball, such as `package/shim/index.js`."""
        for _path, data in self.members(cache, name):
            return data
        raise BuildError("build.npm_broken", package=self.name, file=str(cache / self.tarball_name))

    def intact(self, data: bytes) -> bool:
        algorithm, expected = self.integrity.split("-", 1)
        return base64.b64encode(hashlib.new(algorithm, data).digest()).decode() == expected

    def _download(self) -> bytes:
        registry = os.environ.get("npm_config_registry") or os.environ.get("NPM_CONFIG_REGISTRY") or DEFAULT_REGISTRY
        url = f"{registry.rstrip('/')}/{self.name}/-/{self.tarball_name}"
        params = {"package": self.name, "version": self.version, "url": url, "file": self.tarball_name}
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                data = response.read()
        except OSError as error:
            raise BuildError("build.npm_download", **params, error=str(error)) from None
        if not self.intact(data):
            raise BuildError("build.npm_integrity", **params)
        return data
