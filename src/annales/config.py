"""Settings: the shipped ``data/settings.toml`` with a user's TOML file layered over it."""

from __future__ import annotations

import tomllib
from pathlib import Path

from ._data import data_path
from .errors import ConfigError


def load_settings(user_file: str | Path | None = None, **overrides) -> dict:
    """Defaults, then ``user_file`` (if given), then ``overrides`` as ``section__key=value``."""
    with open(data_path("settings.toml"), "rb") as fh:
        settings = tomllib.load(fh)
    if user_file is not None:
        try:
            with open(user_file, "rb") as fh:
                user = tomllib.load(fh)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError("E013", path=user_file, line=getattr(exc, "lineno", 0), reason=str(exc)) from None
        for section, values in user.items():
            if not isinstance(values, dict) or section not in settings:
                raise ConfigError("E013", path=user_file, line=0, reason=f"unknown section [{section}]")
            settings[section].update(values)
    for key, value in overrides.items():
        if value is not None:
            section, name = key.split("__", 1)
            settings[section][name] = value
    return settings
