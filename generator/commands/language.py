"""The language of the command line: Chinese unless asked for English, chosen before Click parses.

`--lang en` (or `--lang zh`) on the command line wins; otherwise SALESBOOK_LANG,
then the locale (LC_ALL, LC_MESSAGES, LANG) decides, and anything but English
means Chinese. Help texts come from the message catalogue in that language, and
Click's own words (usage, errors, choices) from the Chinese gettext catalogue in
generator/locale, which Click looks up through the standard `messages` domain.
"""

from __future__ import annotations

import gettext
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from generator.messages import render

LOCALE_DIR = Path(__file__).parent.parent / "locale"
LOCALE_VARIABLES = ("SALESBOOK_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


def chosen_language(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """Return "en" or "zh" from `--lang` in `argv`, else from the environment."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return "en" if argv[index + 1] == "en" else "zh"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1] == "en" else "zh"
    for name in LOCALE_VARIABLES:
        if environ.get(name):
            return "en" if environ[name].lower().startswith("en") else "zh"
    return "zh"


def use_language(lang: str) -> None:
    """Make Click speak `lang`: Chinese from our catalogue, English as it is written."""
    gettext.bindtextdomain("messages", str(LOCALE_DIR))
    os.environ["LANGUAGE"] = "zh_CN" if lang == "zh" else "en"


LANGUAGE = chosen_language(sys.argv[1:], os.environ)
"""The language this process speaks, fixed before any command is declared."""
use_language(LANGUAGE)


def text(code: str) -> str:
    """Return the help text `code` in the command line's language."""
    return render(code, LANGUAGE, {})
